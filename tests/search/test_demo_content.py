"""The demo content, searched: the same results in the same order on PostgreSQL and SQLite
(marked sqlite_too, `make test` runs it on both), and `demo_content` ends with a built index."""

import io

import pytest
from django.core.management import call_command

from search.models import SearchDocument
from search.selectors import search_documents

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_too]


@pytest.fixture
def demo():
    output = io.StringIO()
    call_command("demo_content", stdout=output)
    return output.getvalue()


def found(query: str, language: str) -> list[tuple[str, str, str]]:
    return [
        (document.kind, document.language, (document.title or document.text)[:30])
        for document in search_documents(query, language=language)
    ]


def test_demo_content_ends_with_a_built_index(demo):
    assert f"Search index rebuilt: {SearchDocument.objects.count()} documents." in demo
    assert SearchDocument.objects.filter(kind="comment").exists()


def test_an_inflected_slovenian_word_finds_every_form_on_the_demo_content(demo):
    assert found("občinam", "sl") == [
        ("consultation", "sl", "Osnutek vzorčne listine o odpr"),
        ("section", "sl", "Sodelovanje z uporabniki"),
        ("section", "sl", "Podatki, ki jih občina objavlj"),
        ("comment", "sl", "Manjše občine bi se lahko pove"),
        ("comment", "sl", "Licenca CC BY je razumna izbir"),
        ("comment", "sl", "Kako bo občina zagotovila, da "),
        ("comment", "sl", "Dobro, da so na seznamu tudi j"),
    ]


def test_posvetovanja_finds_posvetovanje_in_consultations_sections_articles_and_comments(demo):
    assert found("posvetovanja", "sl") == [
        ("consultation", "sl", "Osnutek smernic za vključevanj"),
        ("consultation", "sl", "Osnutek vzorčne listine o odpr"),
        ("section", "sl", "Spremljanje in vrednotenje"),
        ("section", "sl", "Krepitev zmogljivosti"),
        ("section", "sl", "Odziv udeležencem"),
        ("section", "sl", "Roki za posvetovanje"),
        ("article", "sl", "Na našem portalu lahko zdaj ko"),
        ("article", "sl", "Delavnica o e-participaciji za"),
        ("comment", "sl", "Letno poročilo naj poleg delež"),
        ("comment", "sl", "Prav zato smernice določajo, d"),
        ("comment", "sl", "Pri posvetovanjih, ki jih vodi"),
        ("comment", "sl", "Ali bo poročilo o posvetovanju"),
        ("comment", "sl", "Razumem, vendar daljši roki po"),
    ]


def test_the_pages_language_first_then_the_other_on_the_demo_content(demo):
    assert found("licence", "en") == [
        ("consultation", "en", "Draft model open data charter "),
        ("section", "en", "Formats and licence"),
        ("consultation", "sl", "Osnutek vzorčne listine o odpr"),
        ("section", "sl", "Oblike zapisa in licenca"),
        ("comment", "sl", "Licenca CC BY je razumna izbir"),
    ]
    assert found("podatkov o subvencijah", "sl") == [
        ("comment", "sl", "Dobro, da so na seznamu tudi j"),
    ]


def test_a_second_run_keeps_the_index_or_builds_it_when_empty(demo):
    documents = list(SearchDocument.objects.order_by("pk").values())
    output = io.StringIO()
    call_command("demo_content", stdout=output)
    assert f"Search index already built: {len(documents)} documents." in output.getvalue()
    assert list(SearchDocument.objects.order_by("pk").values()) == documents

    SearchDocument.objects.all().delete()  # a database made before search existed
    call_command("demo_content", stdout=output)
    assert SearchDocument.objects.count() == len(documents)
