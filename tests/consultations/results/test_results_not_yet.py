"""Results asked for while a consultation is open: when they will be there, not a bare 404."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.consultations.factories import CommentFactory, ConsultationFactory

pytestmark = pytest.mark.django_db

CLOSES = dt.datetime(2030, 11, 20, 16, 20, tzinfo=ZoneInfo("Europe/Ljubljana"))


def _url(consultation, kind, language) -> str:
    return f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/results.{kind}"


@pytest.mark.parametrize("kind", ["pdf", "csv", "json"])
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "The results dossier and the open data will be available when the consultation "
            "closes on 20 November 2030 at 16:20.",
        ),
        (
            "sl",
            "Poročilo o rezultatih in odprti podatki bodo na voljo, ko se posvetovanje "
            "zaključi, 20. novembra 2030 ob 16.20.",
        ),
    ],
)
def test_results_of_an_open_consultation_say_when_they_will_be_available(
    client, kind, language, sentence
):
    consultation = ConsultationFactory(closes_at=CLOSES)
    CommentFactory(consultation=consultation, body="An early opinion.")

    response = client.get(_url(consultation, kind, language))

    # 404: a crawler does not take the page for the file; a person reads when to come back.
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assertContains(response, sentence, status_code=404)
    assertContains(response, '<meta name="robots" content="noindex">', status_code=404)
    assertContains(response, f'href="{consultation.get_absolute_url()}"', status_code=404)
    assertNotContains(response, "An early opinion.", status_code=404)


def test_results_of_an_unpublished_consultation_stay_the_generic_not_found(client):
    consultation = ConsultationFactory(closes_at=CLOSES, is_published=False)

    response = client.get(_url(consultation, "pdf", "en"))

    assert response.status_code == 404
    assertNotContains(response, "will be available", status_code=404)
    assertNotContains(response, consultation.title_en, status_code=404)
