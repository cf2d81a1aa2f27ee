"""The translation base: per-language fields, their rules, and the one accessor that falls back."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import override

from articles.models import Article
from consultations import services
from consultations.models import Consultation, Section
from inepa_portal.translation import translated
from tests.consultations.factories import ConsultationFactory, SectionFactory
from tests.factories import (
    ArticleAttachmentFactory,
    ArticleFactory,
    ArticleImageFactory,
    CitizenFactory,
)

pytestmark = pytest.mark.django_db


def _article(**fields) -> Article:
    return Article(author_name="Simon Delakorda", **fields)


def _consultation(**fields) -> Consultation:
    now = timezone.now()
    return Consultation(opens_at=now, closes_at=now + timedelta(days=30), **fields)


# The two models that take their titles and slugs from TranslatedTitleAndSlug, each with the
# words its rules use.
TITLED = [
    pytest.param(_article, "article", id="article"),
    pytest.param(_consultation, "consultation", id="consultation"),
]


@pytest.mark.parametrize(
    ("language", "expected"), [("sl", "Namen"), ("en", "Purpose")], ids=["sl", "en"]
)
def test_translated_gives_the_field_in_the_requested_language(language, expected):
    section = Section(heading_sl="Namen", heading_en="Purpose")

    assert translated(section, "heading", language) == expected


@pytest.mark.parametrize(
    ("fields", "language", "expected"),
    [
        ({"heading_sl": "Namen", "heading_en": ""}, "en", "Namen"),
        ({"heading_sl": "", "heading_en": "Purpose"}, "sl", "Purpose"),
    ],
    ids=["english-falls-back-to-slovenian", "slovenian-falls-back-to-english"],
)
def test_translated_falls_back_to_the_other_language(fields, language, expected):
    assert translated(Section(**fields), "heading", language) == expected


def test_translated_is_empty_when_no_language_has_the_field():
    section = Section(body_sl="", body_en="")

    assert translated(section, "body", "sl") == ""
    assert translated(section, "no_such_field", "sl") == ""


def test_translated_reads_the_active_language_by_default():
    section = Section(heading_sl="Namen", heading_en="Purpose")

    with override("sl"):
        in_slovenian = translated(section, "heading")
    with override("en"):
        in_english = translated(section, "heading")

    assert (in_slovenian, in_english) == ("Namen", "Purpose")


def test_localized_shows_the_whole_version_in_the_language_of_the_title_and_says_so():
    article = ArticleFactory(title_sl="Samo slovensko", title_en="", lead_en="", body_en="")

    version = article.localized("en")

    assert (version.language, version.title, version.lead, version.is_fallback) == (
        "sl",
        "Samo slovensko",
        "Kratek povzetek.",
        True,
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sl", "Namen | Samo slovensko"), ("en", "Purpose | Samo slovensko")],
    ids=["sl", "en"],
)
def test_template_filter_reads_through_the_accessor(language, expected):
    template = Template(
        '{% load portal %}{{ both|translated:"heading" }} | {{ one|translated:"heading" }}'
    )
    sections = {
        "both": Section(heading_sl="Namen", heading_en="Purpose"),
        "one": Section(heading_sl="Samo slovensko", heading_en=""),
    }

    with override(language):
        shown = template.render(Context(sections))

    assert shown == expected


@pytest.mark.parametrize(
    ("make", "sl", "en"),
    [
        pytest.param(
            lambda: ArticleFactory(title_sl="Članek", title_en="Article"),
            "Članek",
            "Article",
            id="article",
        ),
        pytest.param(
            lambda: ConsultationFactory(title_sl="Posvet", title_en="Consultation"),
            "Posvet",
            "Consultation",
            id="consultation",
        ),
        pytest.param(
            lambda: SectionFactory(heading_sl="Namen", heading_en="Purpose"),
            "Namen",
            "Purpose",
            id="section",
        ),
        pytest.param(
            lambda: ArticleImageFactory(alt_sl="Modra pasica", alt_en="A blue banner"),
            "Modra pasica",
            "A blue banner",
            id="article-image",
        ),
        pytest.param(
            lambda: ArticleAttachmentFactory(title_sl="Poročilo", title_en="Report"),
            "Poročilo",
            "Report",
            id="article-attachment",
        ),
    ],
)
def test_str_speaks_the_active_language(make, sl, en):
    obj = make()

    with override("sl"):
        in_slovenian = str(obj)
    with override("en"):
        in_english = str(obj)

    assert (in_slovenian, in_english) == (sl, en)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(
            lambda: ArticleFactory(title_sl="Samo slovensko", title_en=""),
            "Samo slovensko",
            id="article",
        ),
        pytest.param(
            lambda: ConsultationFactory(title_sl="", title_en="English only"),
            "English only",
            id="consultation",
        ),
        pytest.param(
            lambda: SectionFactory(heading_sl="", heading_en="English only"),
            "English only",
            id="section",
        ),
    ],
)
def test_str_falls_back_to_the_other_language(make, expected):
    obj = make()

    with override("sl"):
        in_slovenian = str(obj)
    with override("en"):
        in_english = str(obj)

    assert in_slovenian == in_english == expected


@pytest.mark.parametrize(("build", "word"), TITLED)
def test_validation_asks_for_a_title_in_at_least_one_language(build, word):
    untitled = build(title_sl="", title_en="")

    with override("en"), pytest.raises(ValidationError) as error:
        untitled.full_clean()

    assert error.value.messages == [f"Give the {word} a title in at least one language."]


@pytest.mark.parametrize(("build", "word"), TITLED)
@pytest.mark.parametrize("language", ["sl", "en"])
def test_validation_explains_a_slug_taken_in_the_same_language(build, word, language):
    build(title_sl="Prvi", **{f"slug_{language}": "isti-naslov"}).save()
    second = build(title_sl="Drugi", **{f"slug_{language}": "isti-naslov"})

    with override("en"), pytest.raises(ValidationError) as error:
        second.full_clean()

    assert error.value.messages == [f"Another {word} already uses this address."]


@pytest.mark.parametrize(("build", "word"), TITLED)
def test_database_refuses_a_row_without_any_title(build, word):
    with pytest.raises(IntegrityError, match=f"{word}_has_a_title"), transaction.atomic():
        build(title_sl="", title_en="").save()


@pytest.mark.parametrize(("build", "word"), TITLED)
@pytest.mark.parametrize("language", ["sl", "en"])
def test_database_refuses_a_slug_taken_in_the_same_language(build, word, language):
    build(title_sl="Prvi", **{f"slug_{language}": "isti-naslov"}).save()

    with (
        pytest.raises(IntegrityError, match=f"{word}_unique_slug_{language}"),
        transaction.atomic(),
    ):
        build(title_sl="Drugi", **{f"slug_{language}": "isti-naslov"}).save()


@pytest.mark.parametrize(("build", "word"), TITLED)
def test_empty_slugs_and_one_slug_in_two_languages_do_not_collide(build, word):
    rows = [
        build(title_sl="Prvi", slug_sl="naslov", slug_en=""),
        build(title_sl="Drugi", slug_sl="", slug_en="naslov"),
        build(title_sl="Tretji", slug_sl="", slug_en=""),
    ]
    for row in rows:
        row.full_clean()
        row.save()

    model = type(rows[0])
    assert list(model.objects.order_by("pk").values_list("slug_sl", "slug_en")) == [
        ("naslov", ""),
        ("", "naslov"),
        ("", ""),
    ]


def test_a_section_needs_a_heading_in_at_least_one_language():
    consultation = ConsultationFactory()
    untitled = Section(consultation=consultation, heading_sl="", heading_en="")

    with override("en"), pytest.raises(ValidationError) as error:
        untitled.full_clean()
    with pytest.raises(IntegrityError, match="section_has_a_heading"), transaction.atomic():
        untitled.save()

    assert error.value.messages == ["Give the section a heading in at least one language."]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sl", ("Smernice", "Namen")), ("en", ("Guidelines", "Purpose"))],
    ids=["sl", "en"],
)
def test_my_data_names_consultations_and_sections_in_the_language_of_the_request(
    client, language, expected
):
    person = CitizenFactory()
    consultation = ConsultationFactory(title_sl="Smernice", title_en="Guidelines")
    section = SectionFactory(consultation=consultation, heading_sl="Namen", heading_en="Purpose")
    services.vote_cast(consultation=consultation, user=person, choice="agree", section=section)
    client.force_login(person)

    data = json.loads(client.get(f"/{language}/accounts/profile/my-data.json").content)

    assert [(vote["consultation"], vote["section"]) for vote in data["votes"]] == [expected]
