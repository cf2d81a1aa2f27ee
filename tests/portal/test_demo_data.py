"""`manage.py demo_content` loads exactly what the demo's data files say, and only once."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils.html import escape

from accounts.models import User
from consultations.models import Comment, Vote
from consultations.moderation.models import Flag
from inepa_portal import demo
from inepa_portal.markup import render_markdown

pytestmark = pytest.mark.django_db

INDEX = demo.read("demo")
ARTICLES = [demo.read("articles", key) for key in INDEX["articles"]]
CONSULTATIONS = [demo.read("consultations", key) for key in INDEX["consultations"]]


@pytest.fixture
def loaded() -> str:
    out = io.StringIO()
    call_command("demo_content", stdout=out)
    return out.getvalue()


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def _link(page: str, title: str) -> str:
    """The address of the link whose text is `title` on `page`."""
    before = page[: page.index(f">{escape(title)}</a>")]
    return before[before.rindex('href="') + len('href="') :].split('"', 1)[0]


def test_every_article_of_the_data_files_is_listed_and_shown_in_its_languages(client, loaded):
    for data in ARTICLES:
        for code in ("sl", "en"):
            if code not in data:
                continue
            text = data[code]
            listing = _page(client, f"/{code}/articles/")
            assert escape(text["title"]) in listing
            page = _page(client, _link(listing, text["title"]))

            assert f"<h1>{escape(text['title'])}</h1>" in page
            assert escape(text["lead"]) in page
            for line in text["body"].splitlines():
                if line.startswith("## "):
                    assert f"<h2>{escape(line[3:])}</h2>" in page
            for reference in data.get("references", []):
                assert escape(reference["citation"]) in page
            for image in data.get("images", []):
                assert escape(image[f"alt_{code}"]) in page
    assert "Demo content added: " + ", ".join(INDEX["articles"]) in loaded


def test_every_consultation_of_the_data_files_is_shown_as_they_say(client, loaded):
    people = {key: citizen["display_name"] for key, citizen in INDEX["citizens"].items()}
    for data in CONSULTATIONS:
        for code in ("sl", "en"):
            listing = _page(client, f"/{code}/consultations/")
            page = _page(client, _link(listing, data[code]["title"]))

            assert f"<h1>{escape(data[code]['title'])}</h1>" in page
            assert escape(data[code]["summary"]) in page
            for section in data["sections"]:
                assert f">{escape(section[code]['heading'])}</h2>" in page
                assert render_markdown(section[code]["body"], language=code) in page
            for comment in [*data["comments"], *data.get("flagged", [])]:
                assert render_markdown(comment["body"], language=comment["language"]) in page
                author = escape(people[comment["author"]])
                assert f'class="author comment-heading">{author}</h' in page
                if "response" in comment:
                    assert render_markdown(comment["response"][code], language=code) in page
            if "outcome" in data:
                assert render_markdown(data["outcome"][code], language=code) in page


def test_the_demo_records_the_supports_votes_and_flags_of_the_data_files(loaded):
    emails = {key: citizen["email"] for key, citizen in INDEX["citizens"].items()}
    for data in CONSULTATIONS:
        headings = {section["key"]: section["en"]["heading"] for section in data["sections"]}
        title = data["en"]["title"]
        supports = {
            comment["body"].strip(): sorted(emails[key] for key in comment["supporters"])
            for comment in data["comments"]
        }
        votes = {
            (emails[citizen], None if target == "draft" else headings[target], choice)
            for citizen, choices in data["votes"].items()
            for target, choice in choices.items()
        }
        flags = {
            (comment["body"], emails[flag["citizen"]], flag["reason"])
            for comment in data.get("flagged", [])
            for flag in comment["flags"]
        }

        comments = Comment.objects.filter(consultation__title_en=title, flag_count=0)
        recorded_votes = Vote.objects.filter(consultation__title_en=title)
        recorded_flags = Flag.objects.filter(comment__consultation__title_en=title)
        assert {
            comment.body: sorted(comment.supports.values_list("user__email", flat=True))
            for comment in comments
        } == supports
        assert (
            set(recorded_votes.values_list("user__email", "section__heading_en", "choice")) == votes
        )
        assert set(recorded_flags.values_list("comment__body", "user__email", "reason")) == flags


def _everything(settings) -> tuple[dict, list]:
    rows = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_models()
    }
    folders = [Path(settings.MEDIA_ROOT), Path(settings.RESULTS_ROOT)]
    stored = sorted(str(path) for folder in folders for path in folder.rglob("*"))
    return rows, stored


def test_a_second_run_changes_no_row_and_no_file(settings, loaded):
    before = _everything(settings)
    out = io.StringIO()

    call_command("demo_content", stdout=out)

    assert _everything(settings) == before
    assert out.getvalue().endswith("Demo content already present; nothing changed.\n")


def test_the_demo_citizens_have_verified_addresses_and_no_password(loaded):
    for citizen in INDEX["citizens"].values():
        person = User.objects.get(email=citizen["email"])

        assert (person.display_name, person.has_usable_password()) == (
            citizen["display_name"],
            False,
        )
        assert list(person.emailaddress_set.values_list("email", "verified", "primary")) == [
            (citizen["email"], True, True)
        ]
