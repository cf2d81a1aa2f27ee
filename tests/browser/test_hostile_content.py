"""Hostile text stays text in a real browser: XSS and mutation-XSS vectors (and a sample of the
Big List of Naughty Strings) as comments, replies, display names, section headings and an
article, shown in Chromium with its scripts on. Any dialog (the vectors call alert), any
navigation away, any new window, any script error or console error, any request to another
host (the `page` fixture) or any element that could run or load fails the test."""

import pytest
from playwright.sync_api import expect

from articles import services as article_services
from articles.models import Article
from consultations import services
from tests.consultations.factories import ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory
from tests.hardening import corpus

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"  # the factories' password
SECTIONS = 12
THREADS = 10  # what the consultation page shows of each section

# What the live DOM holds that could run or load, as the browser built it after parsing and
# any mutation: scripts and frames, SVG and MathML, event handlers, javascript:/data: links,
# and forms that post elsewhere than to the portal itself.
FIND_INJECTED = """() => {
  const found = [];
  const forbidden = "script, style, iframe, frame, object, embed, base, svg, math, noscript, " +
    "template, video, audio, source, meta[http-equiv], link:not([rel=stylesheet]):not(" +
    "[rel=canonical]):not([rel=alternate]), img:not([src^='/'])";
  for (const element of document.querySelectorAll(forbidden)) {
    found.push(element.outerHTML.slice(0, 120));
  }
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (name.startsWith("on") || name === "style" || name === "srcdoc" ||
          (["href", "src", "action", "formaction", "xlink:href"].includes(name) &&
           /^(javascript|data|vbscript):/.test(value))) {
        found.push(`${name} on ${element.outerHTML.slice(0, 120)}`);
      }
    }
  }
  for (const form of document.forms) {
    if (new URL(form.action, location.href).origin !== location.origin) {
      found.push(`form to ${form.action}`);
    }
  }
  return found;
}"""


def _vectors() -> list[str]:
    """Every XSS vector and every twentieth string of the Big List, as a text input keeps them."""
    sample = corpus.blns()[::20]
    texts = [text.strip() for text in [*corpus.xss(), *sample]]
    return [text for text in dict.fromkeys(texts) if text and "\x00" not in text]


def _hostile_world() -> dict:
    vectors = _vectors()
    names = [text for text in vectors if len(text) <= 60]
    authors = [
        CitizenFactory(email=f"author{number}@example.org", display_name=name)
        for number, name in enumerate(names[:40])
    ]
    consultation = ConsultationFactory(
        title_en="<svg onload=alert('title')>Draft</svg>",
        summary_en="<img src=x onerror=alert('summary')>",
    )
    sections = [
        SectionFactory(consultation=consultation, position=number,
                       heading_en=names[number % len(names)][:200], body_en=vectors[number])
        for number in range(SECTIONS)
    ]  # fmt: skip
    # Each vector once as a comment (ten threads a section: all on the consultation page),
    # the rest as replies to them.
    comments = []
    for number, text in enumerate(vectors[: SECTIONS * THREADS]):
        comments.append(
            services.comment_submit(
                consultation=consultation,
                author=authors[number % len(authors)],
                body=text,
                language="en",
                section=sections[number // THREADS],
            )
        )
    for number, text in enumerate(vectors[SECTIONS * THREADS :]):
        services.comment_submit(
            consultation=consultation,
            author=authors[(number + 1) % len(authors)],
            body=text,
            language="en",
            parent=comments[number % len(comments)],
        )
    article = article_services.article_save(
        article=Article(
            title_en="<script>alert('article')</script>",
            lead_en=vectors[1],
            body_en="\n\n".join(vectors),
            author_name=names[2],
        )
    )
    article_services.article_publish(article=article)
    return {"consultation": consultation, "sections": sections, "article": article,
            "author": authors[0], "vectors": vectors}  # fmt: skip


def _console_error(message, errors: list[str]) -> None:
    # Chromium asks every site for /favicon.ico on its own; the portal has none (a 404).
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        errors.append(message.text)


def test_hostile_text_is_shown_inert_in_chromium(page, live_server, assert_accessible):
    world = _hostile_world()
    dialogs, popups, errors, navigations = [], [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.context.on("page", lambda other: popups.append(other.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: _console_error(message, errors))
    page.on(
        "framenavigated",
        lambda frame: navigations.append(frame.url) if frame == page.main_frame else None,
    )
    consultation = world["consultation"]
    slug = consultation.slug_en

    def visit(path: str) -> None:
        navigations.clear()
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")  # let anything that would run, run
        # Hovering and focusing the hostile text gives mouse and focus handlers their chance.
        for body in page.locator(".comment-body, .body, .lead").all()[:20]:
            body.hover()
        page.keyboard.press("Tab")
        assert page.evaluate(FIND_INJECTED) == [], path
        assert navigations == [f"{live_server.url}{path}"], path
        assert (dialogs, popups, errors) == ([], [], []), path
        assert_accessible(page)

    visit(f"/en/consultations/{slug}/")
    expect(page.locator("article.comment")).to_have_count(len(world["vectors"]))
    expect(page.get_by_text("<img src=x onerror=alert('summary')>")).to_be_visible()
    visit(f"/en/consultations/{slug}/discussion/{world['sections'][0].pk}/")
    visit(f"/en/consultations/{slug}/discussion/draft/")
    visit(f"/en/articles/{world['article'].slug_en}/")
    expect(page.locator("h1")).to_have_text("<script>alert('article')</script>")
    visit("/en/articles/")
    visit("/en/consultations/")

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(world["author"].email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("button", name="Sign out")).to_be_visible()
    visit("/en/accounts/profile/")
    expect(page.get_by_text(world["author"].display_name, exact=True).first).to_be_visible()
    # Signed in, with the reply, support and report forms beside the hostile text.
    visit(f"/en/consultations/{slug}/discussion/{world['sections'][1].pk}/")
    expect(page.locator("details.reply-box")).to_have_count(THREADS)
