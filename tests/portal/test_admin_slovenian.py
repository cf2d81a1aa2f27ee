"""Every admin page staff use, rendered in Slovenian, shows no text the catalogues leave in
English.

How it knows: it reads every msgid of every catalogue the admin renders from (Django's own, each
installed app's, allauth's and the project's, as .po files, so that entries with no translation
count too). A msgid is *English-only* unless some Slovenian catalogue translates it into the
very same text ("PDF", "E-mail"). It renders each page in Slovenian, takes its visible text
(text nodes outside <script>/<style>, plus title, alt, placeholder, aria-label and the values of
buttons), and fails if any text node *is* an English-only msgid, with each %-placeholder
standing for any text ("Select %s to view" catches "Select komentar to view"). Whole nodes are
compared, not substrings, so a Slovenian word that happens to contain an English one does not
count; the test data are written in Slovenian for the same reason.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.models import Comment
from consultations.moderation import services as moderation
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db
SL = {"accept-language": "sl"}
# Text shown on purpose in English: the name of the English language in itself (the
# fieldsets and the language switcher name each language in that language).
ALLOWED = {"English"}
PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[sd]|\{[a-z_]+\}")


def _catalogue_files() -> list[tuple[Path, bool]]:
    """Each catalogue's Slovenian .po and its English one (the source: its msgids are all the
    strings of the app, also those newer than its Slovenian translation); True for Slovenian."""
    import django

    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    folders += [Path(path) for path in settings.LOCALE_PATHS]
    return [
        (folder / language / "LC_MESSAGES" / "django.po", language == "sl")
        for folder in folders
        for language in ["sl", "en"]
        if (folder / language / "LC_MESSAGES" / "django.po").exists()
    ]


def _english_only_msgids() -> tuple[set[str], list[re.Pattern]]:
    msgids: set[str] = set()
    same_in_slovenian: set[str] = set()
    for path, is_slovenian in _catalogue_files():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            for text, translated in [
                (entry.msgid, entry.msgstr or (entry.msgstr_plural or {}).get(0, "")),
                (entry.msgid_plural, ""),
            ]:
                text = " ".join(text.split())
                if len(text) < 2 or not re.search(r"[A-Za-z]{2}", text):
                    continue
                msgids.add(text)
                if (
                    is_slovenian
                    and translated
                    and " ".join(translated.split()) == text
                    and not entry.fuzzy
                ):
                    same_in_slovenian.add(text)
    english = msgids - same_in_slovenian - ALLOWED
    exact = {text for text in english if not PLACEHOLDER.search(text)}
    patterns = [
        re.compile(
            "".join(
                ".+" if PLACEHOLDER.fullmatch(part) else re.escape(part)
                for part in re.split(f"({PLACEHOLDER.pattern})", text)
            )
        )
        for text in english
        if PLACEHOLDER.search(text) and len(PLACEHOLDER.sub("", text).strip()) >= 4
    ]
    return exact, patterns


class _VisibleText(HTMLParser):
    ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self._skip += 1
        attributes = dict(attrs)
        for name in self.ATTRIBUTES & attributes.keys():
            self.texts.append(attributes[name] or "")
        if tag == "input" and attributes.get("type") in {"submit", "button", "reset"}:
            self.texts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.texts.append(data)


def _english_left(html: str, exact: set[str], patterns: list[re.Pattern]) -> set[str]:
    parser = _VisibleText()
    parser.feed(html)
    found = set()
    for raw in parser.texts:
        text = " ".join(raw.split()).strip(" :›|·()—-")
        if not text:
            continue
        if text in exact or any(pattern.fullmatch(text) for pattern in patterns):
            found.add(text)
    return found


@pytest.fixture(scope="module")
def english():
    return _english_only_msgids()


@pytest.fixture
def world(db):
    """Something of every kind the admin shows, written in Slovenian."""
    now = timezone.now()
    staff = StaffFactory(display_name="Urednica Vesna")
    consultation = ConsultationFactory(
        title_sl="Smernice za nevladne organizacije",
        title_en="Smernice za nevladne organizacije",
        opens_at=now - timedelta(days=20),
        closes_at=now + timedelta(days=1),
        flag_threshold=2,
    )
    section = SectionFactory(
        consultation=consultation, heading_sl="Načela", heading_en="Načela", body_sl="Besedilo."
    )
    author = CitizenFactory(display_name="Tomaž Rupnik")
    flagged = CommentFactory(
        consultation=consultation, section=section, author=author, language="sl",
        body="Ministrstvo naj objavi *tudi* avtorje osnutka.",
    )  # fmt: skip
    hidden = CommentFactory(consultation=consultation, author=author, body="Skrito besedilo.")
    pending = CommentFactory(consultation=consultation, body="Čaka na pregled.")
    Comment.objects.filter(pk=pending.pk).update(status=Comment.Status.PENDING)
    for reporter in [CitizenFactory(), CitizenFactory()]:
        moderation.comment_flag(comment=hidden, user=reporter, reason="spam")
    moderation.comment_flag(comment=flagged, user=CitizenFactory(), reason="abuse")
    hidden.refresh_from_db()
    moderation.appeal_submit(comment=hidden, author=author, message="Prosim za ponoven pregled.")
    moderation.official_response_create(
        consultation=consultation, author=staff, body_sl="Odgovor.", body_en="Odgovor.",
        section=section,
    )  # fmt: skip
    ResultsDossier.objects.create(
        consultation=consultation, language="sl", kind="pdf", status="failed",
        last_error="Izjema pri izrisu.", attempts=3,
    )  # fmt: skip
    # Closed since yesterday: its results exist.
    type(consultation).objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(days=1))
    article = ArticleFactory(title_sl="Novica", title_en="Novica")
    return {
        "staff": staff, "consultation": consultation, "section": section, "flagged": flagged,
        "hidden": hidden, "pending": pending, "author": author, "article": article,
    }  # fmt: skip


def _admin_pages(world) -> list[str]:
    """Each page: list, add, change, delete confirmation and history of every registered model,
    the moderation decisions, blocking, official responses bound to a comment and a section,
    rendering results again, and the index."""
    pages = ["/admin/", "/admin/password_change/"]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        base = f"/admin/{opts.app_label}/{opts.model_name}/"
        obj = model._default_manager.order_by("pk").first()
        pages.append(base)
        pages.append(base + "add/")
        if obj is not None:
            pages += [
                f"{base}{obj.pk}/change/",
                f"{base}{obj.pk}/delete/",
                f"{base}{obj.pk}/history/",
            ]
        # Every filter of the list, applied once.
        for list_filter in model_admin.list_filter:
            if isinstance(list_filter, type) and issubclass(list_filter, admin.SimpleListFilter):
                pages.append(f"{base}?{list_filter.parameter_name}=x")
    flagged, hidden, pending = world["flagged"], world["hidden"], world["pending"]
    ids = f"{flagged.pk},{hidden.pk},{pending.pk}"
    pages += [
        f"/admin/consultations/comment/moderate/{action}/?ids={ids}"
        for action in ["publish", "hide", "reject", "restore"]
    ]
    pages += [
        f"/admin/consultations/comment/{hidden.pk}/change/",
        f"/admin/consultations/comment/{pending.pk}/change/",
        f"/admin/consultations/comment/block/{world['author'].pk}/",
        "/admin/consultations/comment/?queue=auto_hidden",
        f"/admin/consultations/comment/?author__id__exact={world['author'].pk}",
        f"/admin/moderation/officialresponse/add/?comment={flagged.pk}",
        f"/admin/moderation/officialresponse/add/?section={world['section'].pk}",
        f"/admin/consultations/consultation/{world['consultation'].pk}/render-results/",
        "/admin/consultations/consultation/?results=failed",
        f"/admin/accounts/user/{world['author'].pk}/password/",
    ]  # fmt: skip
    return pages


@pytest.fixture
def moderator(world):
    """A member of the Moderators group (what they see differs: views, not changes)."""
    person = CitizenFactory(display_name="Moderatorka Mojca", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    return person


@pytest.mark.parametrize("who", ["staff", "moderator"])
def test_every_admin_page_is_in_slovenian(client, world, english, who, moderator):
    exact, patterns = english
    client.force_login(world["staff"] if who == "staff" else moderator)
    left: dict[str, set[str]] = {}
    rendered = 0
    for url in _admin_pages(world):
        response = client.get(url, headers=SL)
        if response.status_code in {302, 403, 404}:
            continue  # not a page this admin offers (e.g. adding a comment)
        assert response.status_code == 200, url
        rendered += 1
        found = _english_left(response.content.decode(), exact, patterns)
        if found:
            left[url] = found
    assert rendered > (40 if who == "staff" else 20)
    assert left == {}


def test_bulk_action_confirmations_are_in_slovenian(client, world, english):
    """The confirmation pages list actions open: deleting selected objects, for every model."""
    exact, patterns = english
    client.force_login(world["staff"])
    left = {}
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        if obj is None or "delete_selected" not in model_admin.get_actions(
            client.get("/admin/").wsgi_request
        ):
            continue
        opts = model._meta
        url = f"/admin/{opts.app_label}/{opts.model_name}/"
        response = client.post(
            url, {"action": "delete_selected", "_selected_action": [obj.pk]}, headers=SL
        )
        assert response.status_code == 200, url
        found = _english_left(response.content.decode(), exact, patterns)
        if found:
            left[url] = found
    assert left == {}


def test_the_test_notices_english(english):
    """The check itself: a page with Django's untranslated "Select %s to view" fails."""
    exact, patterns = english
    page = "<h1>Select komentar to view</h1><p>Izberite komentar</p><input type=submit value=Run>"
    assert _english_left(page, exact, patterns) == {"Select komentar to view", "Run"}


def test_the_admins_scripts_speak_slovenian_too(client, world):
    """The date and time pickers' note on time zones, which Django's Slovenian catalogue of
    scripts lacks, comes from the project's (djangojs)."""
    client.force_login(world["staff"])

    script = client.get("/admin/jsi18n/", headers=SL).content.decode()

    # The catalog is JSON in the script: only translated msgids are keys, non-ASCII escaped.
    assert '"Note: Enter times in the %(timezone)s timezone. (You are %(offset)s hour ahead.)"' in (
        script
    )
    assert "\\u010case vna\\u0161ajte v \\u010dasovnem pasu %(timezone)s" in script
