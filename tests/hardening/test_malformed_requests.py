"""Requests no browser of ours would send: each gets a clean 400, 403, 404 or 405, never a 500.

The clients here answer a server error with its status instead of raising it, so that one
run lists every request that failed.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.translation import gettext, override

from consultations.models import Comment
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import ArticleFactory, CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

OUR_404 = '<meta name="robots" content="noindex">'
FORM = "application/x-www-form-urlencoded"
HUGE = "9" * 30
ODD_IDS = ["²", "١٢", "-1", " 1", "1e3", "0x1", HUGE, "", "\x00", "1.5", "abc", "١", "Ⅻ"]


def _client(user=None, **defaults) -> Client:
    client = Client(raise_request_exception=False, **defaults)
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world():
    consultation = ConsultationFactory(title_en="Draft rules", title_sl="Osnutek pravil")
    section = SectionFactory(consultation=consultation)
    comment = CommentFactory(consultation=consultation, section=section)
    article = ArticleFactory(title_en="News", title_sl="Novica")
    return {"consultation": consultation, "comment": comment, "article": article}


def _is_our_400(response, language: str) -> bool:
    """Our 400 page, in `language` (whether or not its catalog has the words yet)."""
    with override(language):
        heading = gettext("The request could not be read")
    html = response.content.decode()
    return f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html


def _outcomes(requests) -> list[tuple[str, int]]:
    return [(name, call().status_code) for name, call in requests]


def test_oversized_and_overfull_posts_get_our_400_page(world):
    citizen = _client(CitizenFactory())
    visitor = _client()
    comments = f"/en/consultations/{world['consultation'].slug_en}/comments/"
    huge_body = "body=" + "x" * (3 * 1024 * 1024)  # over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
    many_fields = "&".join(f"field{number}=1" for number in range(1100))
    many_files = {f"f{n}": SimpleUploadedFile(f"a{n}.txt", b"x") for n in range(120)}
    requests = {
        "huge comment": lambda: citizen.post(comments, huge_body, content_type=FORM),
        "huge multipart comment": lambda: citizen.post(comments, {"body": "x" * 3_000_000}),
        "huge signup": lambda: visitor.post("/en/accounts/signup/", huge_body, content_type=FORM),
        "huge language switch": lambda: visitor.post(
            "/i18n/setlang/", huge_body, content_type=FORM
        ),
        "too many fields": lambda: citizen.post(comments, many_fields, content_type=FORM),
        "too many files": lambda: citizen.post(comments, many_files),
        "multipart without boundary": lambda: citizen.post(
            comments, b"body=x", content_type="multipart/form-data"
        ),
        "multipart with an empty boundary": lambda: citizen.post(
            comments, b"x", content_type="multipart/form-data; boundary="
        ),
        "host we do not serve": lambda: _client(HTTP_HOST="portal.invalid").get("/en/"),
    }
    responses = {name: call() for name, call in requests.items()}

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(requests, 400)
    for name, response in responses.items():
        # The language switch lives outside /sl/ and /en/: its page is in the default language.
        language = "sl" if name == "huge language switch" else "en"
        assert _is_our_400(response, language), name


def test_the_400_page_speaks_the_language_of_the_address(world):
    response = _client().post("/sl/accounts/signup/", "x=" + "y" * 3_000_000, content_type=FORM)

    assert response.status_code == 400
    assert _is_our_400(response, "sl")
    assert 'href="/sl/"' in response.content.decode()


def test_an_oversized_post_is_a_400_even_where_the_csrf_check_reads_it(world):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.force_login(CitizenFactory())
    client.get(f"/en/consultations/{world['consultation'].slug_en}/")
    token = client.cookies["csrftoken"].value

    response = client.post(
        f"/en/consultations/{world['consultation'].slug_en}/comments/",
        f"csrfmiddlewaretoken={token}&body=" + "x" * 3_000_000,
        content_type=FORM,
    )

    assert response.status_code == 400
    assert _is_our_400(response, "en")


def test_undecodable_or_odd_form_data_is_refused_or_read_never_a_server_error(world):
    author = CitizenFactory()
    citizen = _client(author)
    slug = world["consultation"].slug_en
    comments = f"/en/consultations/{slug}/comments/"
    comment = f"/en/consultations/{slug}/comments/{world['comment'].pk}"
    multipart = b'--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nok'
    # (name, path, data, content type or None for multipart)
    posts = [
        ("invalid UTF-8, escaped", comments, b"body=%FF%FEok", FORM),
        ("invalid UTF-8, raw", comments, b"body=\xff\xfeok", FORM),
        ("unknown charset", comments, b"body=ok", f"{FORM}; charset=no-such-42"),
        ("JSON body", comments, b'{"body": 1}', "application/json"),
        ("NUL in the text", comments, {"body": "a\x00b"}, None),
        ("truncated multipart", comments, multipart, "multipart/form-data; boundary=x"),
    ]
    for value in ODD_IDS:
        posts += [
            (f"parent {value!r}", comments, {"body": "Hi", "parent": value}, None),
            (f"section {value!r}", comments, {"body": "Hi", "section": value}, None),
            (f"vote {value!r}", f"/en/consultations/{slug}/vote/", {"choice": "agree",
                                                                    "section": value}, None),
            (f"support {value!r}", f"{comment}/support/", {"action": value}, None),
            (f"flag {value!r}", f"{comment}/flag/", {"reason": value}, None),
        ]  # fmt: skip
    requests = [
        (name, lambda p=path, d=data, t=kind: citizen.generic("POST", p, d, content_type=t))
        if isinstance(data, bytes)
        else (name, lambda p=path, d=data: citizen.post(p, d))
        for name, path, data, kind in posts
    ]

    outcomes = _outcomes(requests)

    assert [(name, status) for name, status in outcomes if status not in (302, 400, 404)] == []
    # Undecodable bytes arrive as U+FFFD (escaped) or read as Latin-1 (raw), not as an error.
    bodies = list(Comment.objects.filter(author=author).values_list("body", flat=True))
    assert bodies[:2] == ["\ufffd\ufffdok", "ÿþok"]


def test_odd_query_strings_are_read_or_ignored(world):
    slug = world["consultation"].slug_en
    staff = _client(StaffFactory())
    visitor = _client()
    paths = [
        f"/en/consultations/{slug}/discussion/draft/?page={value}" for value in ODD_IDS
    ] + [
        "/en/?q=%FF%FE", "/en/consultations/?page=%FF", "/en/articles/?page=%00%FF",
        "/en/articles/?page=" + HUGE, "/en/accounts/login/?next=%FF%00",
        "/en/accounts/login/?next=javascript:alert(1)", "/en/consultations/feed/?%FF",
        "/en/articles/?" + "x" * 5000, "/en/consultations/?" + "&".join(["a=1"] * 1500),
        "/healthz?%00",
    ]  # fmt: skip
    requests = [(path, lambda p=path: visitor.get(p)) for path in paths]
    requests += [
        (f"admin ids {value!r}", lambda v=value: staff.get(
            "/admin/consultations/comment/moderate/hide/", {"ids": f"{v},{world['comment'].pk}"}))
        for value in ODD_IDS
    ]  # fmt: skip
    requests += [
        (path, lambda p=path: staff.get(p))
        for path in [
            "/admin/consultations/comment/?o=abc", "/admin/consultations/comment/?flags=%FF",
            "/admin/consultations/comment/?q=%00", "/admin/consultations/comment/abc/change/",
            f"/admin/consultations/comment/{HUGE}/change/",
            f"/admin/consultations/comment/block/{HUGE}/",
        ]
    ]  # fmt: skip

    assert [
        (name, status) for name, status in _outcomes(requests) if status not in (200, 302, 400, 404)
    ] == []


def test_a_nul_byte_in_an_admin_filter_is_a_400():
    assert (
        _client(StaffFactory()).get("/admin/consultations/comment/?status=%00").status_code == 400
    )


def test_bad_slugs_ids_and_paths_are_our_404(world):
    slug = world["consultation"].slug_en
    comments = f"/en/consultations/{slug}/comments"
    article = world["article"].slug_en
    paths = [
        "/en/consultations/%00/", "/en/consultations/" + "a" * 300 + "/",
        "/en/consultations/" + "a" * 10000 + "/", "/en/consultations/%C4%8D/",
        "/en/consultations/%FF%FE/", "/en/consultations/%E2%80%AE/", "/en/articles/%00/",
        "/en/articles/" + "b" * 5000 + "/", "/en/articles/%C4%8D%C5%A1/",
        f"/en/consultations/{slug}/discussion/{HUGE}/", f"/en/consultations/{slug}/discussion/abc/",
        f"/en/consultations/{slug}/discussion/-1/", f"{comments}/{HUGE}/flag/",
        f"{comments}/abc/flag/", f"{comments}/{HUGE}/remove/", f"{comments}/{HUGE}/appeal/",
        "/en/consultations/" + "a" * 300 + "/results.pdf", "/en/consultations/%00/results.csv",
        f"/en/articles/{article}/attachments/{HUGE}/", f"/en/articles/{article}/attachments/x/",
        "/media/%00", "/media/" + "a" * 5000, "/static/%00", "/static/" + "a" * 5000,
    ]  # fmt: skip
    visitor, citizen = _client(), _client(CitizenFactory())
    requests = [(f"{who} {path[:70]}", lambda c=client, p=path: c.get(p))
                for who, client in (("visitor", visitor), ("citizen", citizen))
                for path in paths]  # fmt: skip

    responses = [(name, call()) for name, call in requests]

    assert [(name, r.status_code) for name, r in responses if r.status_code != 404] == []
    served_by_django = [r for name, r in responses if "/static/" not in name]
    assert all(OUR_404 in r.content.decode() for r in served_by_django)


@pytest.mark.parametrize(
    "prefix",
    ["xx", "EN", "sl-SI", "sl-si", "en-us", "en-GB", "zh-hans", "x", "%00", "en%00", "%FF"],
)
def test_a_language_prefix_we_do_not_speak_is_our_404(client, prefix):
    for path in (f"/{prefix}/", f"/{prefix}/consultations/", f"/{prefix}/articles/feed/"):
        response = _client().get(path)

        assert response.status_code == 404, path
        assert OUR_404 in response.content.decode()


def test_methods_our_pages_do_not_take_are_405(world):
    slug = world["consultation"].slug_en
    safe_pages = [
        "/en/", "/en/about/", "/en/consultations/", f"/en/consultations/{slug}/",
        f"/en/consultations/{slug}/discussion/draft/", "/en/consultations/feed/",
        "/en/articles/", f"/en/articles/{world['article'].slug_en}/", "/en/articles/feed/",
        "/sitemap.xml", "/healthz", "/en/accounts/profile/",
    ]  # fmt: skip
    posts = [f"/en/consultations/{slug}/comments/", f"/en/consultations/{slug}/vote/"]
    citizen = _client(CitizenFactory())
    outcomes = {}
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        for path in safe_pages + posts:
            outcomes[f"{method} {path}"] = citizen.generic(method, path).status_code
    for path in posts:
        outcomes[f"GET {path}"] = citizen.get(path).status_code
        outcomes[f"HEAD {path}"] = citizen.head(path).status_code

    assert outcomes == dict.fromkeys(outcomes, 405)
    for path in safe_pages:
        response = citizen.head(path)
        assert (response.status_code, response.content) == (200, b""), path


def test_allauth_and_the_language_switch_answer_other_methods_without_an_error():
    visitor, citizen = _client(), _client(CitizenFactory())
    outcomes = {
        f"{who} {method} {path}": client.generic(method, path).status_code
        for who, client in (("visitor", visitor), ("citizen", citizen))
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")
        for path in ("/en/accounts/login/", "/en/accounts/signup/", "/i18n/setlang/")
    }

    # allauth's forms take PUT as POST (a form with errors) and answer OPTIONS with what they allow.
    assert {
        name: status for name, status in outcomes.items() if status not in (200, 302, 405)
    } == {}


def test_odd_headers_and_cookies_are_survived():
    requests = {
        "odd languages": _client(HTTP_ACCEPT_LANGUAGE="xx;q=abc, *;q=-1, ../../etc").get("/"),
        "endless languages": _client(HTTP_ACCEPT_LANGUAGE="en-" * 5000).get("/"),
        "NUL in a cookie": _client(HTTP_COOKIE="sessionid=\x00; csrftoken=%FF").get("/en/"),
        "a huge session id": _client(HTTP_COOKIE="sessionid=" + "a" * 5000).get("/en/"),
        "a language switch to nowhere": _client().post(
            "/i18n/setlang/", {"language": "xx", "next": "javascript:alert(1)"}
        ),
        "a language switch with NUL": _client().post(
            "/i18n/setlang/", {"language": "\x00", "next": "\x00"}
        ),
    }

    assert {name: r.status_code for name, r in requests.items()} == {
        "odd languages": 302,
        "endless languages": 302,
        "NUL in a cookie": 400,  # refused at the door, like every NUL (#17.8)
        "a huge session id": 200,
        "a language switch to nowhere": 302,
        "a language switch with NUL": 302,
    }
    assert requests["a language switch to nowhere"]["Location"] == "/"


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


def test_a_nul_byte_in_a_cookie_is_our_400_without_signing_in():
    """Pen test #17.8: the session key reached PostgreSQL, which refuses NUL in text (500)."""
    requests = {
        "raw NUL in the session cookie": _client(HTTP_COOKIE=NUL_SESSION),
        "escaped NUL in a quoted session cookie": _client(
            HTTP_COOKIE='sessionid="abcdefgh\\000ijklmnopqrstuvwxyz012345"'
        ),
        "NUL in the language cookie": _client(HTTP_COOKIE="django_language=en\x00"),
        "NUL in the CSRF cookie": _client(HTTP_COOKIE="csrftoken=\x00" + "a" * 31),
        "NUL in a cookie's name": _client(HTTP_COOKIE="a\x00b=1"),
    }

    responses = {name: client.get("/en/") for name, client in requests.items()}

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(requests, 400)
    assert all(_is_our_400(r, "en") for r in responses.values())


def test_a_nul_byte_in_a_header_is_a_400():
    headers = ["user-agent", "referer", "accept-language", "x-forwarded-for", "if-none-match",
               "if-modified-since", "accept", "origin"]  # fmt: skip

    outcomes = {
        header: _client().get("/en/articles/", headers={header: "a\x00b"}).status_code
        for header in headers
    }

    outcomes["content-type"] = (
        _client().generic("POST", "/en/", b"x=1", content_type=f"{FORM}\x00").status_code
    )

    assert outcomes == dict.fromkeys([*headers, "content-type"], 400)


def test_a_nul_byte_in_a_posted_name_is_a_400_and_in_a_value_a_refusal_or_a_400(world):
    """A field's value is the form's to refuse, with its translated error and the text kept
    (test_hostile_input holds every input to that); a name no form of ours has is refused at
    the door; nothing with a NUL is ever stored, and never a 500."""
    citizen = _client(CitizenFactory())
    comments = f"/en/consultations/{world['consultation'].slug_en}/comments/"
    posts = {
        "in a name": (comments, {"body": "Hello", "x\x00": "1"}),
        "in a comment": (comments, {"body": "Hello\x00"}),
        "in the language switch": ("/i18n/setlang/", {"language": "\x00", "next": "/en/"}),
        "in the sign-in form": ("/en/accounts/login/", {"login": "a@b.c\x00", "password": "x"}),
        "in the sign-up form": ("/en/accounts/signup/", {"email": "a@b.c\x00"}),
        "in the password reset": ("/en/accounts/password/reset/", {"email": "a@b.c\x00"}),
    }

    outcomes = {name: citizen.post(url, data) for name, (url, data) in posts.items()}

    assert outcomes["in a name"].status_code == 400
    assert {name: r.status_code for name, r in outcomes.items() if r.status_code >= 500} == {}
    assert "Null characters are not allowed." in outcomes["in a comment"].content.decode()
    assert not Comment.objects.filter(body__startswith="Hello").exists()


def test_odd_admin_parameters_are_a_400_or_read_never_a_server_error(world):
    """Pen test #17.8: a NUL in the changelist's _selected_action gave 500 on PostgreSQL."""
    staff = _client(StaffFactory())
    pk = world["comment"].pk
    changelists = ["/admin/consultations/comment/", "/admin/consultations/consultation/",
                   "/admin/articles/article/", "/admin/moderation/moderationaction/",
                   "/admin/accounts/user/"]  # fmt: skip
    selected = ["\x00", f"{pk}\x00", "abc", HUGE, "-1", "1.5", "", " 1", "²"]
    requests = [
        (f"POST {url} {value!r}", lambda u=url, v=value: staff.post(
            u, {"action": "delete_selected", "_selected_action": [v], "index": "0"}))
        for url in changelists
        for value in selected
    ]  # fmt: skip
    requests += [
        (f"POST {url} odd form", lambda u=url, d=data: staff.post(u, d))
        for url in changelists
        for data in (
            {"action": "no_such_action", "_selected_action": [str(pk)]},
            {"action": "delete_selected", "_selected_action": [str(pk)], "index": "x"},
            {"action": "delete_selected", "select_across": "x", "index": "0"},
            {"action": "delete_selected", "select_across": "1", "index": HUGE},
            {"action": "\x00", "_selected_action": [str(pk)]},
        )
    ]  # fmt: skip
    requests += [
        (f"GET {url}?{query}", lambda u=url, q=query: staff.get(f"{u}?{q}"))
        for url in changelists
        for query in (
            f"id__exact={HUGE}", "id__exact=abc", f"consultation__id__exact={HUGE}",
            "consultation__id__exact=%00", "p=-1", "p=abc", f"p={HUGE}", "o=9.8.-7",
            f"o={HUGE}", "q=%00", "_popup=1&_to_field=password", "e=1", "all=%00",
            f"created_at__gte={HUGE}", "created_at__gte=%00", "decided_at__isnull=%FF",
        )
    ]  # fmt: skip
    requests += [
        (f"GET {path}", lambda p=path: staff.get(p))
        for path in (
            f"/admin/consultations/comment/{HUGE}/history/",
            f"/admin/consultations/consultation/{HUGE}/delete/",
            f"/admin/consultations/consultation/{HUGE}/change/",
            "/admin/consultations/consultation/%00/change/",
            f"/admin/autocomplete/?app_label=consultations&model_name=comment&field_name={HUGE}",
            "/admin/autocomplete/?app_label=%00&model_name=%00&field_name=%00",
            f"/admin/r/{HUGE}/{HUGE}/",
            "/admin/r/%00/%00/",
        )
    ]  # fmt: skip

    outcomes = _outcomes(requests)

    assert [(name, s) for name, s in outcomes if s not in (200, 302, 400, 403, 404)] == []
    nul = [
        (name, status)
        for name, status in outcomes
        if ("\\x00" in name or "%00" in name) and ("?" in name or name.startswith("POST"))
    ]
    assert [(name, status) for name, status in nul if status != 400] == []
    assert Comment.objects.filter(pk=pk).exists()
