"""Dates and times as each language writes them, through the portal's own format module."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.consultations.factories import ConsultationFactory

LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def render(template: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load i18n %}" + template).render(Context(context))


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, "8. januarja 2013"),
        (2, "8. februarja 2013"),
        (3, "8. marca 2013"),
        (4, "8. aprila 2013"),
        (5, "8. maja 2013"),
        (6, "8. junija 2013"),
        (7, "8. julija 2013"),
        (8, "8. avgusta 2013"),
        (9, "8. septembra 2013"),
        (10, "8. oktobra 2013"),
        (11, "8. novembra 2013"),
        (12, "8. decembra 2013"),
    ],
)
def test_slovenian_date_has_the_month_in_the_genitive_and_no_leading_zero(month, expected):
    day = dt.date(2013, month, 8)
    assert render('{{ day|date:"DATE_FORMAT" }}', "sl", day=day) == expected


def test_slovenian_date_and_time_reads_ob_with_a_full_stop_between_hours_and_minutes():
    moment = dt.datetime(2026, 11, 20, 16, 20, tzinfo=LJUBLJANA)
    assert render('{{ moment|date:"DATETIME_FORMAT" }}', "sl", moment=moment) == (
        "20. novembra 2026 ob 16.20"
    )
    early = dt.datetime(2026, 7, 1, 8, 5, tzinfo=LJUBLJANA)
    assert render('{{ moment|date:"DATETIME_FORMAT" }}', "sl", moment=early) == (
        "1. julija 2026 ob 8.05"
    )
    assert render('{{ moment|date:"SHORT_DATETIME_FORMAT" }}', "sl", moment=early) == (
        "1. 7. 2026 ob 8.05"
    )


def test_english_date_and_time_end_without_a_full_stop_of_their_own():
    moment = dt.datetime(2026, 11, 20, 16, 20, tzinfo=LJUBLJANA)
    assert render('{{ moment|date:"DATE_FORMAT" }}', "en", moment=moment) == "20 November 2026"
    assert render('{{ moment|date:"DATETIME_FORMAT" }}', "en", moment=moment) == (
        "20 November 2026 at 16:20"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Closed on 20 November 2026 at 16:20."),
        ("sl", "Zaključeno 20. novembra 2026 ob 16.20."),
    ],
)
def test_a_sentence_ending_with_a_date_has_one_full_stop(language, expected):
    moment = dt.datetime(2026, 11, 20, 16, 20, tzinfo=LJUBLJANA)
    text = render(
        '{% blocktranslate trimmed with date=moment|date:"DATETIME_FORMAT" %}'
        "Closed on {{ date }}.{% endblocktranslate %}",
        language,
        moment=moment,
    )
    assert text == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sl", "Odprto do 20. novembra 2030 ob 16.20"),
        ("en", "Open until 20 November 2030 at 16:20"),
    ],
)
def test_a_consultation_page_writes_its_closing_time_in_the_language_of_the_page(
    client, language, expected
):
    consultation = ConsultationFactory(
        closes_at=dt.datetime(2030, 11, 20, 16, 20, tzinfo=LJUBLJANA)
    )

    page = client.get(f"/{language}/consultations/{getattr(consultation, f'slug_{language}')}/")

    text = " ".join(page.content.decode().split())
    assert expected in text
