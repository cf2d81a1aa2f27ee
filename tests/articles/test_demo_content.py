import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from articles.models import Article

pytestmark = pytest.mark.django_db


def _run() -> str:
    out = io.StringIO()
    call_command("demo_content", stdout=out)
    return out.getvalue()


def test_demo_content_loads_the_unpsa_report_with_its_parts():
    first_output = _run()

    article = Article.objects.get(slug_en__startswith="partnership-with-civil-society")
    assert article.is_published
    assert article.author_name == "Simon Delakorda"
    assert article.title_sl.startswith("Partnerstvo s civilno družbo")
    assert article.body_html_en.count("<h2>") == 6
    assert article.body_html_sl.count("<h2>") == 6
    assert article.references.count() == 4
    assert all(image.alt_sl and image.alt_en for image in article.images.all())
    assert article.images.count() == 3
    with article.attachments.get().file.open("rb") as pdf_file:
        first_page = PdfReader(pdf_file).pages[0].extract_text()
    assert "Partnership with civil society" in first_page
    assert "Demo staff login (shown only this once)" in first_output


def test_demo_content_twice_changes_nothing():
    _run()
    snapshot = list(Article.objects.order_by("pk").values())

    second_output = _run()

    assert list(Article.objects.order_by("pk").values()) == snapshot
    assert "nothing changed" in second_output
    assert "password:" not in second_output


def test_demo_content_includes_an_article_missing_its_english_version():
    _run()

    untranslated = Article.objects.filter(title_en="")
    assert untranslated.count() == 1
    assert untranslated.get().is_published
