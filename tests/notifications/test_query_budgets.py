import pytest

from consultations import services as participation
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [1, 6], ids=["1", "6"])
def test_notifications_page_has_a_fixed_query_budget(client, django_assert_num_queries, size):
    reader = CitizenFactory()
    for number in range(size):
        parent = CommentFactory(
            consultation=ConsultationFactory(), author=reader, language="en", body=f"Mine {number}"
        )
        participation.comment_submit(
            consultation=parent.consultation, author=CitizenFactory(), body=f"Answer {number}.",
            language="en", parent=parent,
        )  # fmt: skip
    client.force_login(reader)

    # session, user, the header's unread count, the notifications (with consultation), the
    # public ones among the comments they are about
    with django_assert_num_queries(5):
        response = client.get("/en/notifications/")

    page = response.content.decode()
    assert all(f"Answer {number}." in page for number in range(size))
