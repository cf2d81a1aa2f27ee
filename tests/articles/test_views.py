from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from articles.models import Article
from tests.factories import (
    ArticleAttachmentFactory,
    ArticleFactory,
    ArticleImageFactory,
    ArticleReferenceFactory,
    CitizenFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unpsa():
    article = ArticleFactory(
        title_sl="Partnerstvo s civilno družbo je ključ do preobrazbene e-uprave",
        title_en="Partnership with civil society is a key to transformative E-government",
        lead_en="Looking back on the forum in Manama.",
        lead_sl="Pogled nazaj na forum v Manami.",
        body_en="## Introduction\n\nCitizens as co-creators [[1]](#ref-1).",
        body_sl="## Uvod\n\nDržavljani kot soustvarjalci [[1]](#ref-1).",
        author_name="Simon Delakorda",
    )
    ArticleReferenceFactory(article=article, position=1, citation="Delakorda, Simon. 2013.")
    ArticleImageFactory(article=article, alt_en="A blue banner", alt_sl="Modra pasica")
    ArticleAttachmentFactory(article=article, title_en="The article as a PDF",
                             title_sl="Članek v PDF")  # fmt: skip
    return article


def test_list_shows_published_articles_newest_first(client):
    ArticleFactory(title_en="Older", published_at=timezone.now() - timedelta(days=9))
    ArticleFactory(title_en="Newer", published_at=timezone.now() - timedelta(days=1))

    response = client.get("/en/articles/")

    content = response.content.decode()
    assert content.index("Newer") < content.index("Older")


def test_list_is_paginated_by_ten(client):
    for day in range(12):
        ArticleFactory(
            title_en=f"Story {day:02}", published_at=timezone.now() - timedelta(days=day)
        )

    first, second = client.get("/en/articles/"), client.get("/en/articles/?page=2")

    assertContains(first, "Story 09")
    assertNotContains(first, "Story 10")
    assertContains(first, "Page 1 of 2")
    assertContains(second, "Story 11")


def test_detail_shows_the_article_in_english(client, unpsa):
    response = client.get(
        "/en/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/"
    )

    assertContains(response, "<h2>Introduction</h2>", html=True)
    assertContains(response, "By Simon Delakorda")
    assertContains(response, '<li id="ref-1" value="1">Delakorda, Simon. 2013.</li>', html=True)
    assertContains(response, 'alt="A blue banner"')
    assertContains(response, "The article as a PDF")


def test_detail_shows_the_article_in_slovenian(client, unpsa):
    response = client.get(
        "/sl/articles/partnerstvo-s-civilno-druzbo-je-kljuc-do-preobrazbene-e-uprave/"
    )

    assertContains(response, "<h2>Uvod</h2>", html=True)
    assertContains(response, 'alt="Modra pasica"')
    assertContains(response, '<html lang="sl">')


def test_detail_links_both_languages_and_itself(client, unpsa):
    response = client.get(
        "/en/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/"
    )

    en_url = "http://testserver/en/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/"
    sl_url = "http://testserver/sl/articles/partnerstvo-s-civilno-druzbo-je-kljuc-do-preobrazbene-e-uprave/"
    assertContains(response, f'<link rel="canonical" href="{en_url}">', html=True)
    assertContains(response, f'<link rel="alternate" hreflang="en" href="{en_url}">', html=True)
    assertContains(response, f'<link rel="alternate" hreflang="sl" href="{sl_url}">', html=True)
    assertContains(response, f'<meta property="og:url" content="{en_url}">', html=True)
    assertContains(response, '<meta property="og:type" content="article">', html=True)
    assertContains(
        response, '<meta property="og:title" content="Partnership with civil society is a key '
        'to transformative E-government">', html=True,
    )  # fmt: skip


def test_language_switch_lands_on_the_same_article_in_the_other_language(client, unpsa):
    page = client.get(
        "/en/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/"
    )
    sl_path = "/sl/articles/partnerstvo-s-civilno-druzbo-je-kljuc-do-preobrazbene-e-uprave/"
    assertContains(page, f'<input type="hidden" name="next" value="{sl_path}">', html=True)

    response = client.post("/i18n/setlang/", {"language": "sl", "next": sl_path}, follow=True)

    assertContains(response, "<h2>Uvod</h2>", html=True)
    assert response.redirect_chain == [(sl_path, 302)]


def test_other_languages_slug_redirects_to_this_languages_slug(client, unpsa):
    response = client.get(
        "/en/articles/partnerstvo-s-civilno-druzbo-je-kljuc-do-preobrazbene-e-uprave/"
    )

    assertRedirects(
        response,
        "/en/articles/partnership-with-civil-society-is-a-key-to-transformative-e-government/",
        status_code=301,
    )


def test_missing_translation_shows_the_other_language_with_a_notice(client):
    ArticleFactory(title_sl="Delavnica za NVO", title_en="", lead_en="", body_en="",
                   body_sl="Vabimo vas.")  # fmt: skip

    response = client.get("/en/articles/delavnica-za-nvo/")

    assertContains(
        response, "This article is not available in English yet, so it is shown in Slovenian."
    )
    assertContains(response, '<h1 lang="sl">Delavnica za NVO</h1>', html=True)
    assertContains(response, "Vabimo vas.")


def test_attachment_downloads_as_a_named_file(client, unpsa):
    attachment = unpsa.attachments.get()

    response = client.get(f"/en/articles/{unpsa.slug_en}/attachments/{attachment.pk}/")

    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_draft_article_appears_nowhere_for_visitors(client):
    ArticleFactory(title_en="Published story", title_sl="Objavljena zgodba")
    draft = ArticleFactory(
        title_en="Secret draft", title_sl="Skrivni osnutek", status=Article.Status.DRAFT,
        published_at=None,
    )  # fmt: skip

    pages = {
        "/en/": "Published story",
        "/en/articles/": "Published story",
        "/sl/articles/": "Objavljena zgodba",
        "/en/articles/feed/": "Published story",
        "/sl/articles/feed/": "Objavljena zgodba",
        "/sitemap.xml": "/en/articles/published-story/",
    }
    for url, published_text in pages.items():
        response = client.get(url)
        assertContains(response, published_text)
        assertNotContains(response, "Secret draft")
        assertNotContains(response, "Skrivni osnutek")
        assertNotContains(response, draft.slug_en)
    assert client.get(f"/en/articles/{draft.slug_en}/").status_code == 404


def test_scheduled_article_stays_hidden_until_its_time(client):
    ArticleFactory(title_en="Tomorrow's news", published_at=timezone.now() + timedelta(days=1))

    assertNotContains(client.get("/en/articles/"), "Tomorrow")


def test_staff_preview_a_draft_with_a_warning(client):
    draft = ArticleFactory(title_en="Work in progress", status=Article.Status.DRAFT,
                           published_at=None)  # fmt: skip
    client.force_login(StaffFactory())

    response = client.get(f"/en/articles/preview/{draft.pk}/")

    assertContains(response, "Work in progress")
    assertContains(response, "Preview: this article is not published; visitors cannot see it.")
    assert response["X-Robots-Tag"] == "noindex"


def test_visitors_cannot_preview(client):
    draft = ArticleFactory(title_en="Work in progress", status=Article.Status.DRAFT,
                           published_at=None)  # fmt: skip

    response = client.get(f"/en/articles/preview/{draft.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_who_may_not_change_articles_cannot_preview_drafts(client):
    """Pen test #17.6: a moderator (staff, no article rights) reads no unpublished draft."""
    draft = ArticleFactory(title_en="Secret plan", status=Article.Status.DRAFT,
                           published_at=None)  # fmt: skip
    moderator = CitizenFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)

    response = client.get(f"/en/articles/preview/{draft.pk}/", headers={"accept-language": "en"})

    assert response.status_code == 403
    assertNotContains(response, "Secret plan", status_code=403)
    assert client.get(f"/admin/articles/article/{draft.pk}/change/").status_code == 403


def test_staff_who_may_change_articles_preview_drafts(client):
    draft = ArticleFactory(title_en="Work in progress", status=Article.Status.DRAFT,
                           published_at=None)  # fmt: skip
    editor = CitizenFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)

    response = client.get(f"/en/articles/preview/{draft.pk}/")

    assertContains(response, "Work in progress")
