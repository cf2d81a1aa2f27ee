"""Downloading results: stored files with their headers, never rendered in a page request."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.tasks import default_task_backend
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.results import services as results_services
from consultations.results import tasks as results_tasks
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.consultations.results.closed_consultation import (
    HIDDEN_TEXT,
    PUBLISHED_TEXT,
    closed_consultation,
    pdf_text,
)
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _url(consultation, kind="pdf", language="en") -> str:
    return f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/results.{kind}"


def _body(response) -> bytes:
    return b"".join(response.streaming_content)  # the test client closes the file at the end


@pytest.fixture
def rendered():
    consultation = closed_consultation()
    for language in ("sl", "en"):
        results_tasks.dossier_render(consultation_id=consultation.pk, language=language)
    return consultation


def test_visitor_downloads_the_stored_dossier_in_two_queries(
    client, rendered, django_assert_num_queries
):
    # the consultation, the stored file's row
    with django_assert_num_queries(2):
        response = client.get(_url(rendered))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{rendered.slug_en}-results-en.pdf"'
    )
    stored = ResultsDossier.objects.get(language="en", kind="pdf")
    assert response["ETag"] == f'"{stored.sha256}"'
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Content-Length"] == str(stored.size)
    text = " ".join(pdf_text(_body(response)).split())
    assert "Draft open data charter" in text
    assert " ".join(PUBLISHED_TEXT.split()) in text
    assert HIDDEN_TEXT not in text


def test_each_language_gets_its_own_dossier(client, rendered):
    response = client.get(_url(rendered, language="sl"))

    assert response["Content-Language"] == "sl"
    assert "Osnutek listine o odprtih podatkih: čšž ČŠŽ ćđ ĆĐ" in " ".join(
        pdf_text(_body(response)).split()
    )


def test_an_unchanged_dossier_is_not_sent_again(client, rendered):
    first = client.get(_url(rendered))
    _body(first)
    etag = first["ETag"]

    response = client.get(_url(rendered), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_csv_and_json_are_served_the_same_way(client, rendered):
    csv_response = client.get(_url(rendered, "csv"))
    json_response = client.get(_url(rendered, "json"))

    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"].endswith('-results-en.csv"')
    assert PUBLISHED_TEXT in _body(csv_response).decode("utf-8-sig")
    assert json_response["Content-Type"] == "application/json"
    assert HIDDEN_TEXT not in _body(json_response).decode()


def test_being_prepared_page_asks_for_the_render_and_never_renders_in_the_request(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "dossiers"],
        }
    }
    default_task_backend.clear()
    consultation = closed_consultation()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(_url(consultation))

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assertContains(response, "The results are being prepared", status_code=503)
    assertContains(response, "Please try again in a minute or two.", status_code=503)
    assertContains(response, '<p lang="sl">', status_code=503)  # and in the other language
    assert sorted(result.kwargs["language"] for result in default_task_backend.results) == [
        "en",
        "sl",
    ]
    assert not ResultsDossier.objects.exclude(file="").exists()


@pytest.mark.django_db(transaction=True)
def test_the_embedded_default_renders_at_once_and_serves_on_the_first_request(client):
    consultation = closed_consultation()

    response = client.get(_url(consultation, "json"))

    assert response.status_code == 200
    assert PUBLISHED_TEXT in _body(response).decode()


def test_visitor_cannot_get_an_interim_dossier(client):
    consultation = closed_consultation(closes_in_days=5)
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    assert ResultsDossier.objects.get(language="en", kind="pdf").is_interim

    response = client.get(_url(consultation))
    listing = client.get("/en/consultations/")
    page = client.get(consultation.get_absolute_url())

    assert response.status_code == 404
    assert b"%PDF" not in response.content
    assertNotContains(listing, "results.pdf")
    assertNotContains(page, "results.pdf")


def test_an_interim_dossier_stays_staff_only_after_closing_until_the_final_one(client):
    consultation = closed_consultation(closes_in_days=5)
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    type(consultation).objects.filter(pk=consultation.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )

    response = client.get(_url(consultation))

    assert response.status_code == 503
    assertContains(response, "being prepared", status_code=503)


def test_staff_download_an_interim_dossier_marked_as_such(client):
    consultation = closed_consultation(closes_in_days=5)
    client.force_login(StaffFactory())
    assert client.get(_url(consultation)).status_code == 404  # none prepared yet
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")

    response = client.get(_url(consultation))
    page = client.get(consultation.get_absolute_url())

    # Staff only, signed in: never stored by a browser either (PrivateForSignedInMiddleware).
    assert response["Cache-Control"] == "private, no-cache, no-store"
    assert "INTERIM RESULTS DOSSIER" in pdf_text(_body(response))
    assertContains(page, "Interim results (visible to staff only)")


def test_unpublished_consultations_results_are_not_found(client, rendered):
    type(rendered).objects.filter(pk=rendered.pk).update(is_published=False)

    assert client.get(_url(rendered)).status_code == 404


def test_other_languages_slug_redirects_to_the_canonical_file(client, rendered):
    response = client.get(f"/en/consultations/{rendered.slug_sl}/results.csv")

    assert response.status_code == 301
    assert response["Location"] == _url(rendered, "csv")


def test_list_and_page_link_the_files_with_size_and_date(client, rendered):
    stored = ResultsDossier.objects.get(language="en", kind="pdf")

    listing = client.get("/en/consultations/")
    page = client.get(rendered.get_absolute_url())

    for response in (listing, page):
        assertContains(response, "Results and open data")
        assertContains(
            response,
            f'<a href="{_url(rendered)}" type="application/pdf">Results dossier (PDF)</a>',
            html=True,
        )
        assertContains(response, f'href="{_url(rendered, "csv")}"')
        assertContains(response, f'href="{_url(rendered, "json")}"')
        assertContains(response, f"({stored.size / 1024:.1f}\xa0KB, ")


def test_a_closed_consultation_without_files_says_they_are_being_prepared(client):
    consultation = closed_consultation()

    assertContains(client.get(consultation.get_absolute_url()), "(being prepared)", count=4)


def _closed_with(size: int):
    now = timezone.now()
    consultation = ConsultationFactory(
        opens_at=now - timedelta(days=9), closes_at=now + timedelta(days=1)
    )
    for number in range(size):
        section = SectionFactory(consultation=consultation, position=number)
        CommentFactory(consultation=consultation, section=section)
    type(consultation).objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(days=1))
    for language in ("sl", "en"):
        results_tasks.dossier_render(consultation_id=consultation.pk, language=language)
    return consultation


def _queries(client, url: str) -> list[str]:
    cache.clear()  # measure the page, not a cached copy of it
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assertContains(response, "Results dossier (PDF)")
    return [query["sql"] for query in context.captured_queries]


def test_closed_consultation_page_reads_its_results_in_one_query_whatever_its_size(client):
    small, large = _closed_with(1), _closed_with(6)

    small_queries = _queries(client, small.get_absolute_url())
    large_queries = _queries(client, large.get_absolute_url())

    assert len(small_queries) == len(large_queries)
    assert sum("consultations_resultsdossier" in sql for sql in large_queries) == 1


def test_list_reads_the_results_of_every_consultation_in_one_query(client):
    _closed_with(1)
    ConsultationFactory()  # an open one: no results to link
    one = _queries(client, "/en/consultations/")
    for _number in range(4):
        _closed_with(1)

    five = _queries(client, "/en/consultations/")

    assert len(five) == len(one)
    assert sum("consultations_resultsdossier" in sql for sql in five) == 1
    cache.clear()
    assert client.get("/en/consultations/").content.decode().count("Results dossier (PDF)") == 5


def test_a_cached_page_links_the_files_as_soon_as_they_are_stored(
    client, django_capture_on_commit_callbacks
):
    consultation = closed_consultation()
    url = f"/en/consultations/{consultation.slug_en}/"
    with django_capture_on_commit_callbacks(execute=True):
        assertContains(client.get(url), "(being prepared)", count=4)

    with django_capture_on_commit_callbacks(execute=True):
        results_tasks.dossier_render(consultation_id=consultation.pk, language="en")

    page = client.get(url)
    assertNotContains(page, "(being prepared)")
    assertContains(page, "KB, ")


def test_no_address_serves_the_files_of_an_unpublished_consultation(client, settings):
    consultation = closed_consultation(closes_in_days=5)
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    type(consultation).objects.filter(pk=consultation.pk).update(is_published=False)
    stored = ResultsDossier.objects.get(language="en", kind="csv")
    with stored.file.open("rb") as content:
        assert PUBLISHED_TEXT in content.read().decode("utf-8-sig")  # the secret is real
    on_disk = Path(stored.file.path).resolve()
    results_root = Path(settings.RESULTS_ROOT).resolve()
    addresses = [
        f"/media/{stored.file.name}",  # where the files were before (MEDIA_ROOT/dossiers/…)
        f"{settings.MEDIA_URL}results/{stored.file.name}",
        _url(consultation, "csv"),
        _url(consultation, "csv", language="sl"),
    ]
    if on_disk.is_relative_to(results_root):  # the storage's own path, under MEDIA_URL
        addresses.append(f"{settings.MEDIA_URL}{on_disk.relative_to(results_root)}")

    for person in (None, CitizenFactory()):
        if person is not None:
            client.force_login(person)
        for address in addresses:
            response = client.get(address)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert (address, response.status_code) == (address, 404)
            assert PUBLISHED_TEXT.encode() not in body
    assert not on_disk.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no public URL"):
        stored.file.url  # noqa: B018 -- nothing can link to it


def test_the_xlsx_is_downloaded_beside_csv_and_json_and_reads_back(client, rendered):
    from openpyxl import load_workbook

    page = client.get(rendered.get_absolute_url())
    assertContains(page, f'href="{_url(rendered, "xlsx")}"')

    response = client.get(_url(rendered, "xlsx"))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('-results-en.xlsx"')
    sheet = load_workbook(io.BytesIO(_body(response))).active
    texts = [row[16] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert PUBLISHED_TEXT in texts
    assert HIDDEN_TEXT not in texts
