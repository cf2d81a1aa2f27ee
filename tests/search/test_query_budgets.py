"""The query budget of a search: the same number of queries for one result as for pages of
them, of every kind, asserted together with what the page shows."""

import pytest

from search.views import RESULTS_PER_PAGE
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory

pytestmark = pytest.mark.django_db

MANY = 2 * RESULTS_PER_PAGE
# Someone signed in costs the session, the user and the header's unread notifications.
READERS = pytest.mark.parametrize(
    ("signed_in", "extra"), [(False, 0), (True, 3)], ids=["visitor", "citizen"]
)


def _indexed(size: int, committed) -> None:
    """`size` matching documents: comments, and with more than one an article and a section."""
    with committed():
        consultation = ConsultationFactory(title_sl="Mestna zelenjava")
        if size > 1:
            ArticleFactory(title_sl="Vrtovi na strehah")
            SectionFactory(consultation=consultation, heading_sl="Skupnostni vrtovi")
        for number in range(size - (2 if size > 1 else 0)):
            CommentFactory(consultation=consultation, body=f"Vrt številka {number}.")


@READERS
@pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
def test_a_search_has_a_fixed_query_budget(
    client, committed, django_assert_num_queries, size, signed_in, extra
):
    _indexed(size, committed)
    if signed_in:
        client.force_login(CitizenFactory())
    # the paginator's count, the page of documents with what they link to
    with django_assert_num_queries(2 + extra):
        page = client.get("/sl/search/", {"q": "vrtov"}).text
    assert page.count('<li class="search-result">') == min(size, RESULTS_PER_PAGE)
    assert "<mark>Vrt</mark> številka 0." in page or size > RESULTS_PER_PAGE


@READERS
def test_a_search_without_words_costs_no_query(client, django_assert_num_queries, signed_in, extra):
    if signed_in:
        client.force_login(CitizenFactory())
    with django_assert_num_queries(extra):
        page = client.get("/sl/search/", {"q": "…"}).text
    assert "Vpišite besedo, ki jo iščete." in page
