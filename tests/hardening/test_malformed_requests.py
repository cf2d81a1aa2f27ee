"""Requests no browser of ours would send: each gets a clean 400, 403, 404 or 405, never a 500.

Each request is its own case. The clients here answer a server error with its status instead
of raising it. Where many requests go to one world (a consultation, a comment, an article and
people signed in), the world is made once for all of them (the `verdict` fixture) and each
request is sent in a savepoint rolled back after it, by a client without the cookies an
earlier request left: no request sees what another did.
"""

import re
from collections.abc import Callable
from functools import partial

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils.translation import gettext, override

from consultations.models import Comment
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

OUR_404 = '<meta name="robots" content="noindex">'
FORM = "application/x-www-form-urlencoded"
HUGE = "9" * 30
# Odd ids, by a name `-k` can type.
ODD_IDS = {
    "superscript-two": "²", "arabic-twelve": "١٢", "minus-one": "-1", "space-one": " 1",
    "1e3": "1e3", "0x1": "0x1", "huge": HUGE, "empty": "", "nul": "\x00", "1.5": "1.5",
    "abc": "abc", "arabic-one": "١", "roman-twelve": "Ⅻ",
}  # fmt: skip


def _client(user=None, **defaults) -> Client:
    client = Client(raise_request_exception=False, **defaults)
    if user is not None:
        client.force_login(user)
    return client


class World:
    """A consultation with a section and a comment, an article, and clients to send as."""

    def __init__(self):
        self.consultation = ConsultationFactory(title_en="Draft rules", title_sl="Osnutek pravil")
        section = SectionFactory(consultation=self.consultation)
        self.comment = CommentFactory(consultation=self.consultation, section=section)
        self.article = ArticleFactory(title_en="News", title_sl="Novica")
        self.author = CitizenFactory()
        self._sessions = {
            "citizen": self._session(self.author),
            "staff": self._session(StaffFactory()),
        }

    @staticmethod
    def _session(user) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    @property
    def slug(self) -> str:
        return self.consultation.slug_en

    def client(self, who: str | None = None, **defaults) -> Client:
        """A client without cookies, signed in as the "citizen" or "staff" when asked."""
        client = Client(raise_request_exception=False, **defaults)
        if who is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = self._sessions[who]
        return client

    def visitor(self) -> Client:
        return self.client()

    def citizen(self) -> Client:
        return self.client("citizen")

    def staff(self) -> Client:
        return self.client("staff")


@pytest.fixture
def world() -> World:
    return World()


Requests = dict[str, Callable[[World], object]]


def _cases(requests: Requests) -> list:
    """A case for each request, its id the request's name as `-k` can type it ("a" * 300 as
    "ax300")."""
    ids: dict[str, int] = {}
    cases = []
    for name in requests:
        short = re.sub(r"(.)\1{7,}", lambda run: f"{run[1]}x{len(run[0])}", name)
        slug = re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-")[:70].rstrip("-")
        ids[slug] = ids.get(slug, 0) + 1
        cases.append(pytest.param(name, id=slug if ids[slug] == 1 else f"{slug}-{ids[slug]}"))
    return cases


def _sent(requests: Requests, expect: Callable, names: list[str]) -> dict[str, list[str]]:
    """Send each named request to one world, each in a savepoint rolled back after it; what
    is wrong with each response (`expect(name, response, world)`)."""
    world = World()
    verdicts = {}
    for name in names:
        with transaction.atomic():
            try:
                verdicts[name] = expect(name, requests[name](world), world)
            except Exception as error:  # the request's own failure, not the others'
                verdicts[name] = [f"raised {error!r:.300}"]
            transaction.set_rollback(True)
    return verdicts


def _status_among(*statuses: int) -> Callable:
    def expect(_name, response, _world) -> list[str]:
        ok = response.status_code in statuses
        return [] if ok else [f"status {response.status_code}, not one of {statuses}"]

    return expect


def _is_our_400(response, language: str) -> bool:
    """Our 400 page, in `language` (whether or not its catalog has the words yet)."""
    with override(language):
        heading = gettext("The request could not be read")
    html = response.content.decode()
    return f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html


def _comments(world: World) -> str:
    return f"/en/consultations/{world.slug}/comments/"


HUGE_BODY = "body=" + "x" * (3 * 1024 * 1024)  # over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
MANY_FIELDS = "&".join(f"field{number}=1" for number in range(1100))
OVERSIZED: Requests = {
    "huge comment": lambda w: w.citizen().post(_comments(w), HUGE_BODY, content_type=FORM),
    "huge multipart comment": lambda w: w.citizen().post(_comments(w), {"body": "x" * 3_000_000}),
    "huge signup": lambda w: w.visitor().post("/en/accounts/signup/", HUGE_BODY, content_type=FORM),
    "huge language switch": lambda w: w.visitor().post(
        "/i18n/setlang/", HUGE_BODY, content_type=FORM
    ),
    "too many fields": lambda w: w.citizen().post(_comments(w), MANY_FIELDS, content_type=FORM),
    "too many files": lambda w: w.citizen().post(
        _comments(w), {f"f{n}": SimpleUploadedFile(f"a{n}.txt", b"x") for n in range(120)}
    ),
    "multipart without boundary": lambda w: w.citizen().post(
        _comments(w), b"body=x", content_type="multipart/form-data"
    ),
    "multipart with an empty boundary": lambda w: w.citizen().post(
        _comments(w), b"x", content_type="multipart/form-data; boundary="
    ),
    "host we do not serve": lambda w: w.client(HTTP_HOST="portal.invalid").get("/en/"),
}


def _our_400_page(name, response, _world) -> list[str]:
    # The language switch lives outside /sl/ and /en/: its page is in the default language.
    language = "sl" if name == "huge language switch" else "en"
    if response.status_code != 400:
        return [f"status {response.status_code}"]
    return [] if _is_our_400(response, language) else [f"not our 400 page in {language}"]


@pytest.mark.parametrize("name", _cases(OVERSIZED))
def test_oversized_and_overfull_posts_get_our_400_page(verdict, name):
    assert verdict(partial(_sent, OVERSIZED, _our_400_page), name=name) == []


def test_the_400_page_speaks_the_language_of_the_address(world):
    response = _client().post("/sl/accounts/signup/", "x=" + "y" * 3_000_000, content_type=FORM)

    assert response.status_code == 400
    assert _is_our_400(response, "sl")
    assert 'href="/sl/"' in response.content.decode()


def test_an_oversized_post_is_a_400_even_where_the_csrf_check_reads_it(world):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.force_login(CitizenFactory())
    client.get(f"/en/consultations/{world.slug}/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        f"/en/consultations/{world.slug}/comments/",
        f"csrfmiddlewaretoken={token}&body=" + "x" * 3_000_000,
        content_type=FORM,
    )

    assert response.status_code == 400
    assert _is_our_400(response, "en")


def _odd_form_data() -> Requests:
    def comment(w: World) -> str:
        return f"/en/consultations/{w.slug}/comments/{w.comment.pk}"

    multipart = b'--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nok'
    raw = {
        "invalid UTF-8, escaped": (b"body=%FF%FEok", FORM),
        "invalid UTF-8, raw": (b"body=\xff\xfeok", FORM),
        "unknown charset": (b"body=ok", f"{FORM}; charset=no-such-42"),
        "JSON body": (b'{"body": 1}', "application/json"),
        "truncated multipart": (multipart, "multipart/form-data; boundary=x"),
    }
    requests: Requests = {
        name: lambda w, d=data, t=kind: w.citizen().generic("POST", _comments(w), d, content_type=t)
        for name, (data, kind) in raw.items()
    }
    requests["NUL in the text"] = lambda w: w.citizen().post(_comments(w), {"body": "a\x00b"})
    for label, value in ODD_IDS.items():
        requests |= {
            f"parent {label}": lambda w, v=value: w.citizen().post(
                _comments(w), {"body": "Hi", "parent": v}
            ),
            f"section {label}": lambda w, v=value: w.citizen().post(
                _comments(w), {"body": "Hi", "section": v}
            ),
            f"vote {label}": lambda w, v=value: w.citizen().post(
                f"/en/consultations/{w.slug}/vote/", {"choice": "agree", "section": v}
            ),
            f"support {label}": lambda w, v=value: w.citizen().post(
                f"{comment(w)}/support/", {"action": v}
            ),
            f"flag {label}": lambda w, v=value: w.citizen().post(
                f"{comment(w)}/flag/", {"reason": v}
            ),
        }
    return requests


ODD_FORM_DATA = _odd_form_data()
# Undecodable bytes arrive as U+FFFD (escaped) or read as Latin-1 (raw), not as an error.
STORED_AS = {"invalid UTF-8, escaped": ["\ufffd\ufffdok"], "invalid UTF-8, raw": ["ÿþok"]}


def _refused_or_read(name, response, world) -> list[str]:
    problems = _status_among(302, 400, 404)(name, response, world)
    if name in STORED_AS:
        bodies = list(Comment.objects.filter(author=world.author).values_list("body", flat=True))
        if bodies != STORED_AS[name]:
            problems.append(f"stored {bodies!r}")
    return problems


@pytest.mark.parametrize("name", _cases(ODD_FORM_DATA))
def test_undecodable_or_odd_form_data_is_refused_or_read_never_a_server_error(verdict, name):
    assert verdict(partial(_sent, ODD_FORM_DATA, _refused_or_read), name=name) == []


def _odd_query_strings() -> Requests:
    paths = [
        "/en/?q=%FF%FE", "/en/consultations/?page=%FF", "/en/articles/?page=%00%FF",
        "/en/articles/?page=" + HUGE, "/en/accounts/login/?next=%FF%00",
        "/en/accounts/login/?next=javascript:alert(1)", "/en/consultations/feed/?%FF",
        "/en/articles/?" + "x" * 5000, "/en/consultations/?" + "&".join(["a=1"] * 1500),
        "/healthz?%00",
    ]  # fmt: skip
    requests: Requests = {
        f"discussion page {label}": lambda w, v=value: w.visitor().get(
            f"/en/consultations/{w.slug}/discussion/draft/?page={v}"
        )
        for label, value in ODD_IDS.items()
    }
    requests |= {path: lambda w, p=path: w.visitor().get(p) for path in paths}
    requests |= {
        f"admin ids {label}": lambda w, v=value: w.staff().get(
            "/admin/consultations/comment/moderate/hide/", {"ids": f"{v},{w.comment.pk}"}
        )
        for label, value in ODD_IDS.items()
    }
    admin_paths = [
        "/admin/consultations/comment/?o=abc", "/admin/consultations/comment/?flags=%FF",
        "/admin/consultations/comment/?q=%00", "/admin/consultations/comment/abc/change/",
        f"/admin/consultations/comment/{HUGE}/change/",
        f"/admin/consultations/comment/block/{HUGE}/",
    ]  # fmt: skip
    return requests | {path: lambda w, p=path: w.staff().get(p) for path in admin_paths}


ODD_QUERY_STRINGS = _odd_query_strings()


@pytest.mark.parametrize("name", _cases(ODD_QUERY_STRINGS))
def test_odd_query_strings_are_read_or_ignored(verdict, name):
    expect = _status_among(200, 302, 400, 404)
    assert verdict(partial(_sent, ODD_QUERY_STRINGS, expect), name=name) == []


def test_a_nul_byte_in_an_admin_filter_is_a_400():
    assert (
        _client(StaffFactory()).get("/admin/consultations/comment/?status=%00").status_code == 400
    )


def _bad_paths() -> Requests:
    paths = [
        "/en/consultations/%00/", "/en/consultations/" + "a" * 300 + "/",
        "/en/consultations/" + "a" * 10000 + "/", "/en/consultations/%C4%8D/",
        "/en/consultations/%FF%FE/", "/en/consultations/%E2%80%AE/", "/en/articles/%00/",
        "/en/articles/" + "b" * 5000 + "/", "/en/articles/%C4%8D%C5%A1/",
        "/en/consultations/{slug}/discussion/" + HUGE + "/",
        "/en/consultations/{slug}/discussion/abc/", "/en/consultations/{slug}/discussion/-1/",
        "/en/consultations/{slug}/comments/" + HUGE + "/flag/",
        "/en/consultations/{slug}/comments/abc/flag/",
        "/en/consultations/{slug}/comments/" + HUGE + "/remove/",
        "/en/consultations/{slug}/comments/" + HUGE + "/appeal/",
        "/en/consultations/" + "a" * 300 + "/results.pdf", "/en/consultations/%00/results.csv",
        "/en/articles/{article}/attachments/" + HUGE + "/",
        "/en/articles/{article}/attachments/x/",
        "/media/%00", "/media/" + "a" * 5000, "/static/%00", "/static/" + "a" * 5000,
    ]  # fmt: skip

    def get(world: World, who: str, path: str):
        client = world.citizen() if who == "citizen" else world.visitor()
        return client.get(path.format(slug=world.slug, article=world.article.slug_en))

    return {
        f"{who} {path}": partial(lambda w, who, path: get(w, who, path), who=who, path=path)
        for who in ("visitor", "citizen")
        for path in paths
    }


BAD_PATHS = _bad_paths()


def _our_404(name, response, _world) -> list[str]:
    if response.status_code != 404:
        return [f"status {response.status_code}"]
    served_by_django = "/static/" not in name
    if served_by_django and OUR_404 not in response.content.decode():
        return ["not our 404 page"]
    return []


@pytest.mark.parametrize("name", _cases(BAD_PATHS))
def test_bad_slugs_ids_and_paths_are_our_404(verdict, name):
    assert verdict(partial(_sent, BAD_PATHS, _our_404), name=name) == []


@pytest.mark.parametrize(
    "prefix",
    ["xx", "EN", "sl-SI", "sl-si", "en-us", "en-GB", "zh-hans", "x", "%00", "en%00", "%FF"],
)
@pytest.mark.parametrize(
    "page",
    ["/{}/", "/{}/consultations/", "/{}/articles/feed/"],
    ids=["home", "consultations", "articles-feed"],
)
def test_a_language_prefix_we_do_not_speak_is_our_404(prefix, page):
    response = _client().get(page.format(prefix))

    assert response.status_code == 404
    assert OUR_404 in response.content.decode()


SAFE_PAGES = [
    "/en/", "/en/about/", "/en/consultations/", "/en/consultations/{slug}/",
    "/en/consultations/{slug}/discussion/draft/", "/en/consultations/feed/",
    "/en/articles/", "/en/articles/{article}/", "/en/articles/feed/",
    "/sitemap.xml", "/healthz", "/en/accounts/profile/",
]  # fmt: skip
POSTS = ["/en/consultations/{slug}/comments/", "/en/consultations/{slug}/vote/"]


def _other_methods() -> Requests:
    def send(world: World, method: str, path: str):
        path = path.format(slug=world.slug, article=world.article.slug_en)
        return world.citizen().generic(method, path)

    methods = {
        (method, path)
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")
        for path in SAFE_PAGES + POSTS
    } | {(method, path) for method in ("GET", "HEAD") for path in POSTS}
    requests: Requests = {
        f"{method} {path}": partial(lambda w, m, p: send(w, m, p), m=method, p=path)
        for method, path in sorted(methods, key=lambda pair: (pair[1], pair[0]))
    }
    # Our pages answer HEAD as GET, without a body.
    return requests | {
        f"HEAD {path}": partial(lambda w, p: send(w, "HEAD", p), p=path) for path in SAFE_PAGES
    }


OTHER_METHODS = _other_methods()


def _405_or_a_head_without_body(name, response, _world) -> list[str]:
    method, path = name.split(" ", 1)
    if method == "HEAD" and path in SAFE_PAGES:
        answer = (response.status_code, response.content)
        return [] if answer == (200, b"") else [f"answered {answer!r:.80}"]
    return [] if response.status_code == 405 else [f"status {response.status_code}"]


@pytest.mark.parametrize("name", _cases(OTHER_METHODS))
def test_methods_our_pages_do_not_take_are_405(verdict, name):
    assert verdict(partial(_sent, OTHER_METHODS, _405_or_a_head_without_body), name=name) == []


ALLAUTH_METHODS: Requests = {
    f"{who} {method} {path}": partial(
        lambda w, who, method, path: (w.citizen() if who == "citizen" else w.visitor()).generic(
            method, path
        ),
        who=who,
        method=method,
        path=path,
    )
    for who in ("visitor", "citizen")
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")
    for path in ("/en/accounts/login/", "/en/accounts/signup/", "/i18n/setlang/")
}


@pytest.mark.parametrize("name", _cases(ALLAUTH_METHODS))
def test_allauth_and_the_language_switch_answer_other_methods_without_an_error(verdict, name):
    # allauth's forms take PUT as POST (a form with errors) and answer OPTIONS with what they allow.
    expect = _status_among(200, 302, 405)
    assert verdict(partial(_sent, ALLAUTH_METHODS, expect), name=name) == []


ODD_HEADERS_AND_COOKIES = {
    "odd languages": (
        lambda: _client(HTTP_ACCEPT_LANGUAGE="xx;q=abc, *;q=-1, ../../etc").get("/"),
        302,
    ),
    "endless languages": (lambda: _client(HTTP_ACCEPT_LANGUAGE="en-" * 5000).get("/"), 302),
    # Refused at the door, like every NUL (#17.8).
    "NUL in a cookie": (
        lambda: _client(HTTP_COOKIE="sessionid=\x00; csrftoken=%FF").get("/en/"),
        400,
    ),
    "a huge session id": (lambda: _client(HTTP_COOKIE="sessionid=" + "a" * 5000).get("/en/"), 200),
    "a language switch to nowhere": (
        lambda: _client().post("/i18n/setlang/", {"language": "xx", "next": "javascript:alert(1)"}),
        302,
    ),
    "a language switch with NUL": (
        lambda: _client().post("/i18n/setlang/", {"language": "\x00", "next": "\x00"}),
        302,
    ),
}


@pytest.mark.parametrize("name", _cases(ODD_HEADERS_AND_COOKIES))
def test_odd_headers_and_cookies_are_survived(name):
    send, status = ODD_HEADERS_AND_COOKIES[name]

    response = send()

    assert response.status_code == status
    if name == "a language switch to nowhere":
        assert response["Location"] == "/"


def test_a_refused_action_is_our_403_page():
    staff = _client(StaffFactory())

    response = staff.get(
        "/admin/consultations/comment/moderate/explode/", headers={"accept-language": "en"}
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Access denied</h1>" in html
    assert 'class="skip-link"' in html  # the site's layout, with its header and footer


NUL_SESSION = "sessionid=abcdefgh\x00ijklmnopqrstuvwxyz012345"


@pytest.mark.parametrize(
    "cookie",
    [
        pytest.param(NUL_SESSION, id="raw-nul-in-the-session-cookie"),
        pytest.param(
            'sessionid="abcdefgh\\000ijklmnopqrstuvwxyz012345"',
            id="escaped-nul-in-a-quoted-session-cookie",
        ),
        pytest.param("django_language=en\x00", id="nul-in-the-language-cookie"),
        pytest.param("csrftoken=\x00" + "a" * 31, id="nul-in-the-csrf-cookie"),
        pytest.param("a\x00b=1", id="nul-in-a-cookies-name"),
    ],
)
def test_a_nul_byte_in_a_cookie_is_our_400_without_signing_in(cookie):
    """Pen test #17.8: the session key reached PostgreSQL, which refuses NUL in text (500)."""
    response = _client(HTTP_COOKIE=cookie).get("/en/")

    assert response.status_code == 400
    assert _is_our_400(response, "en")


@pytest.mark.parametrize(
    "header",
    ["user-agent", "referer", "accept-language", "x-forwarded-for", "if-none-match",
     "if-modified-since", "accept", "origin", "content-type"],
)  # fmt: skip
def test_a_nul_byte_in_a_header_is_a_400(header):
    if header == "content-type":
        response = _client().generic("POST", "/en/", b"x=1", content_type=f"{FORM}\x00")
    else:
        response = _client().get("/en/articles/", headers={header: "a\x00b"})

    assert response.status_code == 400


NUL_POSTS = {
    "in a name": ("comments", {"body": "Hello", "x\x00": "1"}),
    "in a comment": ("comments", {"body": "Hello\x00"}),
    "in the language switch": ("/i18n/setlang/", {"language": "\x00", "next": "/en/"}),
    "in the sign-in form": ("/en/accounts/login/", {"login": "a@b.c\x00", "password": "x"}),
    "in the sign-up form": ("/en/accounts/signup/", {"email": "a@b.c\x00"}),
    "in the password reset": ("/en/accounts/password/reset/", {"email": "a@b.c\x00"}),
}
NUL_POSTED: Requests = {
    name: partial(
        lambda w, url, data: w.citizen().post(_comments(w) if url == "comments" else url, data),
        url=url,
        data=data,
    )
    for name, (url, data) in NUL_POSTS.items()
}


def _refused_never_stored(name, response, _world) -> list[str]:
    problems = []
    if name == "in a name" and response.status_code != 400:
        problems.append(f"status {response.status_code}, not 400")
    if response.status_code >= 500:
        problems.append(f"status {response.status_code}")
    if name == "in a comment" and "Null characters are not allowed." not in (
        response.content.decode()
    ):
        problems.append("no error about the null character")
    if Comment.objects.filter(body__startswith="Hello").exists():
        problems.append("stored")
    return problems


@pytest.mark.parametrize("name", _cases(NUL_POSTED))
def test_a_nul_byte_in_a_posted_name_is_a_400_and_in_a_value_a_refusal_or_a_400(verdict, name):
    """A field's value is the form's to refuse, with its translated error and the text kept
    (test_hostile_input holds every input to that); a name no form of ours has is refused at
    the door; nothing with a NUL is ever stored, and never a 500."""
    assert verdict(partial(_sent, NUL_POSTED, _refused_never_stored), name=name) == []


CHANGELISTS = ["/admin/consultations/comment/", "/admin/consultations/consultation/",
               "/admin/articles/article/", "/admin/moderation/moderationaction/",
               "/admin/accounts/user/"]  # fmt: skip


def _odd_admin_parameters() -> Requests:
    def post(world: World, url: str, data: dict):
        data = {key: [v.format(pk=world.comment.pk) for v in value] if isinstance(value, list)
                else value.format(pk=world.comment.pk) for key, value in data.items()}  # fmt: skip
        return world.staff().post(url, data)

    def get(world: World, path: str):
        return world.staff().get(path)

    selected = {"nul": "\x00", "id-and-nul": "{pk}\x00", "abc": "abc", "huge": HUGE,
                "minus-one": "-1", "1.5": "1.5", "empty": "", "space-one": " 1",
                "superscript-two": "²"}  # fmt: skip
    forms = [
        {"action": "no_such_action", "_selected_action": ["{pk}"]},
        {"action": "delete_selected", "_selected_action": ["{pk}"], "index": "x"},
        {"action": "delete_selected", "select_across": "x", "index": "0"},
        {"action": "delete_selected", "select_across": "1", "index": HUGE},
        {"action": "\x00", "_selected_action": ["{pk}"]},
    ]
    queries = [
        f"id__exact={HUGE}", "id__exact=abc", f"consultation__id__exact={HUGE}",
        "consultation__id__exact=%00", "p=-1", "p=abc", f"p={HUGE}", "o=9.8.-7",
        f"o={HUGE}", "q=%00", "_popup=1&_to_field=password", "e=1", "all=%00",
        f"created_at__gte={HUGE}", "created_at__gte=%00", "decided_at__isnull=%FF",
    ]  # fmt: skip
    paths = [
        f"/admin/consultations/comment/{HUGE}/history/",
        f"/admin/consultations/consultation/{HUGE}/delete/",
        f"/admin/consultations/consultation/{HUGE}/change/",
        "/admin/consultations/consultation/%00/change/",
        f"/admin/autocomplete/?app_label=consultations&model_name=comment&field_name={HUGE}",
        "/admin/autocomplete/?app_label=%00&model_name=%00&field_name=%00",
        f"/admin/r/{HUGE}/{HUGE}/",
        "/admin/r/%00/%00/",
    ]
    requests: Requests = {}
    for url in CHANGELISTS:
        for label, value in selected.items():
            data = {"action": "delete_selected", "_selected_action": [value], "index": "0"}
            requests[f"POST {url} selecting {label}"] = partial(post, url=url, data=data)
        for number, data in enumerate(forms, start=1):
            requests[f"POST {url} odd form {number}"] = partial(post, url=url, data=data)
        for query in queries:
            requests[f"GET {url}?{query}"] = partial(get, path=f"{url}?{query}")
    return requests | {f"GET {path}": partial(get, path=path) for path in paths}


ODD_ADMIN_PARAMETERS = _odd_admin_parameters()


def _admin_answer(name, response, world) -> list[str]:
    problems = _status_among(200, 302, 400, 403, 404)(name, response, world)
    # A NUL in a query or a selection is refused at the door.
    has_nul = "%00" in name or name.endswith(("selecting nul", "selecting id-and-nul"))
    if has_nul and ("?" in name or name.startswith("POST")) and response.status_code != 400:
        problems.append(f"a NUL answered {response.status_code}, not 400")
    if not Comment.objects.filter(pk=world.comment.pk).exists():
        problems.append("the comment was deleted")
    return problems


@pytest.mark.parametrize("name", _cases(ODD_ADMIN_PARAMETERS))
def test_odd_admin_parameters_are_a_400_or_read_never_a_server_error(verdict, name):
    """Pen test #17.8: a NUL in the changelist's _selected_action gave 500 on PostgreSQL."""
    assert verdict(partial(_sent, ODD_ADMIN_PARAMETERS, _admin_answer), name=name) == []
