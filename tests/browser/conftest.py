"""A real Chromium (Debian's package) driven by Playwright, plus axe-core for accessibility."""

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Chromium must not reach out to the network on its own (there is none here anyway).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} Browser tests must run in CI.")
    pytest.skip(reason)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _unavailable("Chromium not found: install Debian's package (apt-get install chromium).")
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        _unavailable("axe-core not found in node_modules: run 'npm ci' (make test does).")
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session")
def browser(chromium_executable):
    # Playwright's sync API runs an event loop in this thread; Django's ORM must not mind.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for the page to get there, as long as actions may take.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh English-speaking browser tab; fails the test on any request to another host."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    portal_host = urlsplit(live_server.url).netloc
    foreign_requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            foreign_requests.append(request.url)
            if urlsplit(request.url).scheme in {"http", "https"}
            and urlsplit(request.url).netloc != portal_host
            else None
        ),
    )
    csp_violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert foreign_requests == [], "the page asked another host for something"
    assert csp_violations == [], "the page broke its own Content-Security-Policy"


@pytest.fixture
def assert_accessible(axe_source) -> Callable:
    """Scan the current page with axe-core for WCAG 2.2 A and AA; fail on any violation."""

    def check(page) -> None:
        # evaluate() runs outside the page's CSP, so the strict policy needs no exception.
        page.evaluate(axe_source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        violations = [
            {
                "id": violation["id"],
                "help": violation["help"],
                "nodes": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
        ]
        assert violations == [], f"{page.url}:\n{json.dumps(violations, indent=2)}"

    return check
