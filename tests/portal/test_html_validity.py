"""Every page template, in both languages and its main states, is valid HTML by the Nu HTML
Checker (vnu-jar from npm, run on the system's Java): 0 errors and 0 warnings.

The pages are fetched with Django's test client (the HTML as served, not as a browser rebuilt
it), saved in one folder, and checked by one run of the checker at the end of the test.
"""

import io
import json
import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Article
from consultations.models import Comment, Consultation
from consultations.moderation.models import ModerationAction
from consultations.moderation.services import comment_moderate
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import ArticleFactory, CitizenFactory

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = [ROOT / "static" / "css" / "site.css"]  # checked in the same run
OPEN = "draft-guidelines-for-involving-ngos-in-e-government-services"
CLOSED = "draft-model-open-data-charter-for-municipalities"
ARTICLES = [
    "partnership-with-civil-society-is-a-key-to-transformative-e-government",
    "delavnica-o-e-participaciji-za-nevladne-organizacije",  # written in Slovenian only
]


# Django's own admin sidebar (admin/app_list.html with show_changelinks off) heads its tables
# with three columns and fills two: Django's markup, not ours, so it is let through on the
# admin's pages only, and only this message.
DJANGO_ADMIN_SIDEBAR = (
    "A table row was 2 columns wide, which is less than the column count established by the "
    "first row (3)."
)


def _ours(message: dict) -> bool:
    return not ("-admin-" in message.get("url", "") and message["message"] == DJANGO_ADMIN_SIDEBAR)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} The HTML check must run in CI.")
    pytest.skip(reason)


def nu_check(folder: Path, stylesheets: list[Path] = STYLESHEETS) -> list[dict]:
    """The Nu HTML Checker's messages on every .html file in `folder` and on `stylesheets`
    (one Java start)."""
    java = shutil.which("java")
    if java is None:
        _unavailable("Java not found: install default-jre-headless (make test does).")
    if not VNU_JAR.exists():
        _unavailable("vnu-jar not found in node_modules: run 'npm ci' (make test does).")
    files = sorted(str(path) for path in folder.glob("*.html")) + [str(p) for p in stylesheets]
    completed = subprocess.run(  # noqa: S603 -- our own command line, no shell
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--also-check-css", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(completed.stderr)["messages"]


def _readable(messages: list[dict]) -> str:
    return "\n".join(
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['type']}"
        f"{'/' + m['subType'] if m.get('subType') else ''}: {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
    )


class Pages:
    """Saves each page fetched into one folder, named after its address and state."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.saved: list[str] = []

    def save(self, client: Client, url: str, state: str, *, status: int = 200, data=None):
        response = client.post(url, data) if data is not None else client.get(url, follow=True)
        expected = (200, 400) if data is not None else (status,)  # a form with errors: 400
        assert response.status_code in expected, (url, state, response.status_code)
        assert response["Content-Type"].startswith("text/html"), url
        name = f"{len(self.saved):03d}-{state}-{url.strip('/').replace('/', '_') or 'root'}"
        (self.folder / f"{name[:150]}.html").write_bytes(response.content)
        self.saved.append(url)
        return response


def _moderators_group() -> Group:
    group, _ = Group.objects.get_or_create(name="Moderators")
    moderation = ["view_comment", "moderate_comment", "change_consultation"]
    group.permissions.add(*Permission.objects.filter(codename__in=moderation))
    return group


@pytest.mark.django_db
def test_every_page_template_is_valid_html_in_both_languages_and_states(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = Pages(folder)
    visitor = Client()
    for language in ("sl", "en"):  # the empty portal first
        for url in ["/", "/articles/", "/consultations/", "/about/"]:
            pages.save(visitor, f"/{language}{url}", "empty")
    call_command("demo_content", stdout=io.StringIO())
    consultation = Consultation.objects.get(slug_en=OPEN)
    section = consultation.sections.first()
    citizen = CitizenFactory(email="eva@example.org", display_name="Eva Z.")
    comment = Comment.objects.filter(
        consultation=consultation, status=Comment.Status.PUBLISHED, author__isnull=False
    ).first()
    flaggable = (
        Comment.objects.filter(consultation=consultation, status=Comment.Status.PUBLISHED)
        .exclude(pk=comment.pk)
        .first()
    )
    moderator = CitizenFactory(display_name="Mojca", is_staff=True)
    moderator.groups.add(_moderators_group())
    comment_moderate(
        comment=comment,
        moderator=moderator,
        action=ModerationAction.Action.HIDE,
        reason="off_topic",
        note="Please keep to the principles.",
    )
    upcoming = ConsultationFactory(
        opens_at=timezone.now() + timedelta(days=3), closes_at=timezone.now() + timedelta(days=30)
    )
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, title_en="")
    own = CommentFactory(consultation=consultation, author=citizen, body="My own comment.")
    author = Client()
    author.force_login(comment.author)
    signed_in = Client()
    signed_in.force_login(citizen)
    staff = Client()
    staff.force_login(moderator)
    superuser = Client()
    superuser.force_login(CitizenFactory(is_staff=True, is_superuser=True))
    for language in ("sl", "en"):
        slug = getattr(consultation, f"slug_{language}")
        public = [
            "/",
            "/articles/",
            *(f"/articles/{article}/" for article in ARTICLES),
            "/consultations/",
            f"/consultations/{slug}/",
            f"/consultations/{CLOSED}/",
            f"/consultations/{slug}/discussion/{section.pk}/",
            f"/consultations/{slug}/discussion/draft/",
            "/about/",
        ]
        for url in public:
            pages.save(visitor, f"/{language}{url}", "visitor")
        for url in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
            pages.save(visitor, f"/{language}{url}", "visitor")
        pages.save(visitor, f"/{language}/no-such-page/", "visitor", status=404)
        for url in [
            "/accounts/password/reset/done/",
            "/accounts/confirm-email/",
            "/accounts/password/reset/key/1-set-password/",
        ]:
            pages.save(visitor, f"/{language}{url}", "visitor")
        pages.save(
            visitor,
            f"/{language}/accounts/login/",
            "wrong-password",
            data={"login": "eva@example.org", "password": "not the password"},
        )
        pages.save(
            visitor,
            f"/{language}/accounts/signup/",
            "signup-errors",
            data={"email": "not an address", "password1": "a", "password2": "b"},
        )
        for url in [
            f"/consultations/{slug}/",
            f"/consultations/{slug}/discussion/{section.pk}/",
            f"/consultations/{CLOSED}/",
            "/accounts/profile/",
            "/accounts/email/",
            "/accounts/password/change/",
            "/accounts/profile/delete/",
            f"/consultations/{slug}/comments/{flaggable.pk}/flag/",
            f"/consultations/{slug}/comments/{own.pk}/remove/",
            "/accounts/logout/",
        ]:
            pages.save(signed_in, f"/{language}{url}", "citizen")
        pages.save(
            signed_in,
            f"/{language}/consultations/{slug}/comments/{flaggable.pk}/flag/",
            "flag-errors",
            data={"reason": "other", "details": ""},
        )
        pages.save(
            signed_in,
            f"/{language}/consultations/{slug}/comments/",
            "comment-errors",
            data={"body": "   ", "section": section.pk},
        )
        for url in ["/accounts/profile/", f"/consultations/{slug}/comments/{comment.pk}/appeal/"]:
            pages.save(author, f"/{language}{url}", "author-of-hidden")
        for url in [f"/consultations/{slug}/", "/consultations/", f"/consultations/{CLOSED}/"]:
            pages.save(staff, f"/{language}{url}", "staff")
        pages.save(visitor, f"/{language}/consultations/{upcoming.slug_sl}/", "upcoming")
        pages.save(superuser, f"/{language}/articles/preview/{draft.pk}/", "preview")
        pages.save(staff, f"/{language}/consultations/{slug}/results.pdf", "staff", status=404)

    for url in [
        "/admin/",
        "/admin/consultations/comment/",
        "/admin/consultations/comment/?attention=yes",
        f"/admin/consultations/comment/{comment.pk}/change/",
        f"/admin/consultations/comment/{flaggable.pk}/change/",
        f"/admin/consultations/comment/block/{comment.author_id}/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{Article.objects.first().pk}/change/",
        "/admin/consultations/consultation/",
        f"/admin/consultations/consultation/{consultation.pk}/change/",
    ]:
        pages.save(superuser, url, "admin")

    messages = [message for message in nu_check(folder) if _ours(message)]

    assert len(pages.saved) == len(list(folder.glob("*.html"))) > 70
    errors = [m for m in messages if m["type"] == "error"]
    warnings = [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]
    assert (len(errors), len(warnings)) == (0, 0), _readable(messages[:40])


def test_the_checker_reports_the_faults_this_sweep_fixed(tmp_path):
    """The check itself can fail: a page with the faults the portal had, and a stylesheet."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<article><p><time datetime="2026-10-02T03:20:43.779736+02:00">Oct. 2</time></p>'
        "</article></main></body></html>"
    )
    stylesheet = tmp_path / "site.css"
    stylesheet.write_text("main { colour: red; }")

    messages = nu_check(tmp_path, [stylesheet])

    found = sorted((Path(m["url"]).name, m["type"], m.get("subType", "")) for m in messages)
    assert found == [
        ("page.html", "error", ""),
        ("page.html", "info", "warning"),
        ("site.css", "error", ""),
    ]
    assert "fraction of a second" in _readable(messages)
    assert "Article lacks heading" in _readable(messages)
