"""Two app servers behind one address share everything through PostgreSQL and Redis: what a
citizen does on server A, a visitor sees on server B, and limits and sessions hold on both."""

import http.cookiejar
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from consultations.models import Comment
from tests.consultations.factories import ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"  # the factories' password
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    location: str
    text: str


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test looks at each redirect itself


class Browser:
    """One person's browser: keeps its cookies, sends the CSRF token of the page it read last."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _KeepRedirects
        )
        self.token = ""

    def _open(self, url: str, data: bytes | None = None) -> Response:
        request = urllib.request.Request(url, data=data, headers={"Accept-Language": "en"})  # noqa: S310 -- loopback
        try:
            with self.opener.open(request, timeout=15) as answer:
                status, headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        text = body.decode()
        if found := TOKEN.search(text):
            self.token = found.group(1)
        return Response(status, headers.get("Location", ""), text)

    def get(self, url: str) -> Response:
        return self._open(url)

    def post(self, url: str, fields: dict) -> Response:
        return self._open(url, urlencode({"csrfmiddlewaretoken": self.token, **fields}).encode())

    def sign_in(self, server_url: str, email: str) -> None:
        self.get(f"{server_url}/en/accounts/login/")
        signed_in = self.post(
            f"{server_url}/en/accounts/login/", {"login": email, "password": PASSWORD}
        )
        assert signed_in.status == 302, signed_in.text


def _tally(html: str, anchor: str) -> tuple[int, ...]:
    """(agree, disagree, abstain) as the page shows them for one section."""
    chunk = html.split(f'<section class="discussion" id="{anchor}"', 1)[1].split("</table>")[0]
    return tuple(int(count) for count in re.findall(r"<td>(\d+)</td>", chunk)[:3])


def _away_from_the_hour() -> None:
    """The hourly posting limit counts in fixed windows: start well inside one."""
    left = 3600 - time.time() % 3600
    if left < 30:
        time.sleep(left + 1)


def test_citizen_on_server_a_is_seen_moderated_and_limited_on_server_b(app_servers):
    a, b = app_servers
    _away_from_the_hour()
    consultation = ConsultationFactory(title_en="Shared draft")
    section = SectionFactory(consultation=consultation, heading_en="Purpose")
    citizen = CitizenFactory(display_name="Maja K.")
    moderator = StaffFactory(display_name="Moderator Mo")
    page = f"/en/consultations/{consultation.slug_en}/"
    visitor, maja, mo = Browser(), Browser(), Browser()

    # A visitor reads on B first, so B keeps the page for visitors in the shared cache.
    before = visitor.get(b.url + page)
    assert _tally(before.text, section.anchor) == (0, 0, 0)

    # Signed in on A, Maja's session is valid on B.
    maja.sign_in(a.url, citizen.email)
    profile = maja.get(b.url + "/en/accounts/profile/")
    assert profile.status == 200
    assert "Maja K." in profile.text

    # She votes and comments on A; B shows both, to her and to the visitor.
    maja.get(a.url + page)
    voted = maja.post(a.url + page + "vote/", {"choice": "agree", "section": section.pk})
    assert voted.status == 302
    assert voted.location.endswith(f"#{section.anchor}-votes")
    commented = maja.post(
        a.url + page + "comments/", {"body": "Written on server A.", "section": section.pk}
    )
    assert commented.status == 302
    assert "#comment-" in commented.location
    seen_by_visitor = visitor.get(b.url + page).text
    assert "<p>Written on server A.</p>" in seen_by_visitor
    assert _tally(seen_by_visitor, section.anchor) == (1, 0, 0)
    assert re.findall(
        r'type="radio" name="choice" value="(\w+)"[^>]* checked>', maja.get(b.url + page).text
    ) == ["agree"]

    # A moderator hides the comment on A; it is gone from B's page.
    comment = Comment.objects.get(author=citizen)
    mo.sign_in(a.url, moderator.email)
    decision = f"/admin/consultations/comment/moderate/hide/?ids={comment.pk}"
    mo.get(a.url + decision)
    hidden = mo.post(a.url + decision, {"reason": "off_topic", "note": ""})
    assert hidden.status == 302
    assert "Written on server A." not in visitor.get(b.url + page).text
    assert "Written on server A." not in maja.get(b.url + page).text

    # Two comments an hour: the second on A is taken, the third, on B, is refused.
    maja.get(a.url + page)
    second = maja.post(a.url + page + "comments/", {"body": "Second, on A."})
    assert second.status == 302
    maja.get(b.url + page)
    third = maja.post(b.url + page + "comments/", {"body": "Third, on B."})
    assert third.status == 400
    assert "You have posted a lot in a short time." in third.text
    assert "Third, on B." in third.text  # the refused text is kept for her
    assert sorted(Comment.objects.filter(author=citizen).values_list("body", flat=True)) == [
        "Second, on A.",
        "Written on server A.",
    ]

    # Signing out on B ends the session on A too.
    maja.get(b.url + "/en/accounts/profile/")
    assert maja.post(b.url + "/en/accounts/logout/", {}).status == 302
    after = maja.get(a.url + "/en/accounts/profile/")
    assert after.status == 302
    assert "/en/accounts/login/" in after.location
