import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_create_user_signs_in_with_a_lower_case_email_and_shows_the_display_name():
    user = User.objects.create_user(
        "Ana.Novak@Example.ORG", password="correct horse battery staple", display_name="Ana"
    )

    assert user.email == "ana.novak@example.org"
    assert user.check_password("correct horse battery staple")
    assert str(user) == "Ana"
    assert (user.is_active, user.is_staff, user.is_superuser) == (True, False, False)


def test_create_superuser_gives_staff_every_permission():
    user = User.objects.create_superuser(
        "urednik@example.org", password="correct horse battery staple", display_name="Uredništvo"
    )

    assert (user.is_staff, user.is_superuser) == (True, True)
    assert user.has_perm("articles.change_article")


def test_an_account_needs_a_display_name_of_at_most_sixty_characters():
    with pytest.raises(ValidationError) as empty:
        User(email="a@example.org", display_name="").full_clean(exclude=["password"])
    with pytest.raises(ValidationError) as long:
        User(email="b@example.org", display_name="x" * 61).full_clean(exclude=["password"])

    assert list(empty.value.message_dict) == ["display_name"]
    with override("en"):  # the message is translated when read
        assert long.value.message_dict["display_name"] == [
            "Ensure this value has at most 60 characters (it has 61)."
        ]
