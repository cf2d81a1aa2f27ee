import pytest
from pytest_django.asserts import assertContains

from articles import services
from articles.models import Article
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _article_form(**overrides) -> dict:
    data = {
        "title_sl": "Čas za e-participacijo",
        "slug_sl": "",
        "lead_sl": "Povzetek.",
        "body_sl": "## Uvod\n\nBesedilo.",
        "title_en": "Time for e-participation",
        "slug_en": "",
        "lead_en": "Lead.",
        "body_en": "## Introduction\n\nText.",
        "author_name": "Simon Delakorda",
        "published_at_0": "",
        "published_at_1": "",
    }
    for prefix in ("images", "attachments", "references"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data | overrides


def test_add_form_shows_both_languages_side_by_side(staff_client):
    response = staff_client.get("/admin/articles/article/add/", headers=EN)

    html = response.content.decode()
    columns = html[html.index('<div class="language-columns">') : html.index("Publication")]
    assert "Slovenščina" in columns
    assert "English" in columns
    assert columns.index('name="title_sl"') < columns.index('name="title_en"')
    assertContains(response, 'value="Save and publish"')


def test_saving_creates_a_draft_with_transliterated_slugs(staff_client):
    response = staff_client.post("/admin/articles/article/add/", _article_form(), headers=EN)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert (article.slug_sl, article.slug_en) == (
        "cas-za-e-participacijo",
        "time-for-e-participation",
    )
    assert article.body_html_en == "<h2>Introduction</h2>\n<p>Text.</p>"


def test_save_and_publish_publishes_at_once(staff_client):
    staff_client.post(
        "/admin/articles/article/add/", _article_form() | {"_publish": "1"}, headers=EN
    )

    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None
    assertContains(staff_client.get("/en/articles/"), "Time for e-participation")


def test_a_taken_slug_is_refused_with_a_clear_message(staff_client):
    ArticleFactory(title_en="Other", slug_en="taken")

    response = staff_client.post(
        "/admin/articles/article/add/", _article_form(slug_en="taken"), headers=EN
    )

    assertContains(response, "Another article already uses this address.")
    assertContains(response, "Time for e-participation")  # what staff typed is kept


def test_changelist_shows_each_languages_translation_status(staff_client):
    article = ArticleFactory(title_en="Complete in both")
    ArticleFactory(title_sl="Samo slovensko", title_en="", lead_en="", body_en="")
    article.body_sl = "Popravljeno."
    services.article_save(article=article, changed_fields=["body_sl"])

    response = staff_client.get("/admin/articles/article/", headers=EN)

    rows = {
        row.split("</th>")[0]: row
        for row in response.content.decode().split('<th class="field-__str__">')[1:]
    }
    complete_row = next(row for title, row in rows.items() if "Complete in both" in title)
    missing_row = next(row for title, row in rows.items() if "Samo slovensko" in title)
    assert '<td class="field-status_sl">complete</td>' in complete_row
    assert '<td class="field-status_en">outdated</td>' in complete_row
    assert '<td class="field-status_en">missing</td>' in missing_row


def test_change_form_offers_a_preview_in_each_language(staff_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)

    response = staff_client.get(f"/admin/articles/article/{article.pk}/change/", headers=EN)

    assertContains(response, f'<a href="/sl/articles/preview/{article.pk}/">SL</a>', html=True)
    assertContains(response, f'<a href="/en/articles/preview/{article.pk}/">EN</a>', html=True)


def test_bulk_action_publishes_drafts(staff_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)

    response = staff_client.post(
        "/admin/articles/article/",
        {"action": "publish_selected", "_selected_action": [draft.pk]},
        headers=EN,
        follow=True,
    )

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assertContains(response, "1 article published.")


def test_admin_speaks_slovenian_by_default(staff_client):
    response = staff_client.get("/admin/articles/article/add/")

    assertContains(response, "Shrani in objavi")
