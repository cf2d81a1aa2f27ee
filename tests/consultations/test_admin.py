import pytest
from pytest_django.asserts import assertContains

from consultations.models import Consultation
from tests.consultations.factories import ConsultationFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _form(**overrides) -> dict:
    data = {
        "title_sl": "Osnutek pravil o odprtih podatkih",
        "slug_sl": "",
        "summary_sl": "Povzetek.",
        "title_en": "Draft open data rules",
        "slug_en": "",
        "summary_en": "Summary.",
        "opens_at_0": "2026-12-01",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2026-12-31",
        "closes_at_1": "17:00:00",
        "moderation_mode": "post",
        "flag_threshold": "3",
        "outcome_sl": "",
        "outcome_en": "",
        "sections-TOTAL_FORMS": "2",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
        "sections-0-position": "2",
        "sections-0-heading_sl": "Formati",
        "sections-0-heading_en": "Formats",
        "sections-0-body_sl": "Odprti **formati**.",
        "sections-0-body_en": "Open **formats**.",
        "sections-1-position": "1",
        "sections-1-heading_sl": "Namen",
        "sections-1-heading_en": "Purpose",
        "sections-1-body_sl": "Zakaj.",
        "sections-1-body_en": "Why.",
    }
    return data | overrides


def test_staff_create_an_unpublished_consultation_with_ordered_sections(staff_client):
    response = staff_client.post("/admin/consultations/consultation/add/", _form(), headers=EN)

    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert not consultation.is_published
    assert (consultation.slug_sl, consultation.slug_en) == (
        "osnutek-pravil-o-odprtih-podatkih",
        "draft-open-data-rules",
    )
    sections = list(consultation.sections.all())
    assert [section.heading_en for section in sections] == ["Purpose", "Formats"]
    assert sections[1].body_html_en == "<p>Open <strong>formats</strong>.</p>"


def test_a_window_closing_before_it_opens_is_refused_with_the_form_kept(staff_client):
    response = staff_client.post(
        "/admin/consultations/consultation/add/",
        _form(closes_at_0="2026-11-01"),
        headers=EN,
    )

    assertContains(response, "A consultation must close after it opens.")
    assertContains(response, "Draft open data rules")
    assert Consultation.objects.count() == 0


def test_staff_preview_an_unpublished_consultation_from_the_admin(staff_client):
    consultation = ConsultationFactory(title_en="Not yet public", is_published=False)

    change = staff_client.get(
        f"/admin/consultations/consultation/{consultation.pk}/change/", headers=EN
    )
    preview = staff_client.get(f"/en/consultations/{consultation.slug_en}/")

    assertContains(change, "View on site")
    assertContains(preview, "Preview: this consultation is not published; only staff can see it.")


def test_comments_cannot_be_added_or_deleted_in_the_admin(staff_client):
    response = staff_client.get("/admin/consultations/comment/add/", headers=EN)

    assert response.status_code == 403
