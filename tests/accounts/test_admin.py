"""The accounts admin: moderators see names and histories; only superusers see addresses."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.consultations.factories import CommentFactory
from tests.factories import CitizenFactory, StaffFactory

from .pages import text_of

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}
PRIVATE = ["ana.secret@example.org", "Last login", "Staff status", "Superuser status", "Groups"]


@pytest.fixture
def author():
    person = CitizenFactory(email="ana.secret@example.org", display_name="Ana N.")
    person.last_login = timezone.now()
    person.save()
    CommentFactory(author=person, body="A thought from Ana.")
    CommentFactory(body="A thought from another person.")
    return person


@pytest.fixture
def moderator(client):
    """A staff member in the Moderators group, with nothing more."""
    person = CitizenFactory(display_name="Mojca", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(person)
    return person


def test_moderators_see_names_and_comment_histories_but_no_address_or_login_data(
    client, moderator, author
):
    listing = client.get("/admin/accounts/user/", headers=EN)
    detail = client.get(f"/admin/accounts/user/{author.pk}/change/", headers=EN)

    assert "Ana N." in text_of(listing.content.decode())
    assert "Ana N." in text_of(detail.content.decode())
    for page in (listing, detail):
        shown = page.content.decode()
        assert [word for word in PRIVATE if word in shown] == []
    comments_link = f"/admin/consultations/comment/?author__id__exact={author.pk}"
    assert comments_link in listing.content.decode()
    assert comments_link in detail.content.decode()
    comments = text_of(client.get(comments_link, headers=EN).content.decode())
    assert "A thought from Ana." in comments
    assert "A thought from another person." not in comments


def test_moderators_cannot_find_accounts_by_their_address(client, moderator, author):
    by_search = client.get("/admin/accounts/user/?q=ana.secret", headers=EN)
    by_lookup = client.get("/admin/accounts/user/?email__startswith=ana.s", headers=EN)
    by_name = client.get("/admin/accounts/user/?q=Ana", headers=EN)

    assert "Ana N." not in text_of(by_search.content.decode())
    assert by_lookup.status_code == 400
    assert "Ana N." in text_of(by_name.content.decode())


def test_superusers_keep_the_full_view(client, author):
    client.force_login(StaffFactory(display_name="Admin"))

    listing = client.get("/admin/accounts/user/?q=ana.secret", headers=EN)
    detail = client.get(f"/admin/accounts/user/{author.pk}/change/", headers=EN)

    assert "ana.secret@example.org" in listing.content.decode()
    assert [word for word in PRIVATE if word not in detail.content.decode()] == []
