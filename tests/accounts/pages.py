"""Read what a person sees in a response or an email, without an HTML parser."""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpResponse


def text_of(html: str) -> str:
    """Markup removed and whitespace collapsed, as a screen shows it."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def headings(response: HttpResponse) -> list[str]:
    """The text of every <h1> on the page."""
    html = response.content.decode()
    return [text_of(match) for match in re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)]


def form_errors(response: HttpResponse) -> list[str]:
    """The messages in the form's announced error summary and under its fields."""
    html = response.content.decode()
    lists = re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', html, flags=re.S)
    return [text_of(item) for block in lists for item in re.findall(r"<li>(.*?)</li>", block)]


def input_value(response: HttpResponse, name: str) -> str | None:
    """The value an <input name=…> shows (None when it shows none)."""
    tag = re.search(rf'<input[^>]*\sname="{name}"[^>]*>', response.content.decode())
    assert tag, f"no input named {name}"
    value = re.search(r'\svalue="([^"]*)"', tag.group(0))
    return value.group(1) if value else None


def links_in(message: EmailMessage) -> list[str]:
    """Every web address in an email's text."""
    return re.findall(r"https?://\S+", message.body)


def link_in(message: EmailMessage, path_part: str) -> str:
    """The path of the one link in an email whose address contains `path_part`; every link
    starts with the portal's public address (settings.SITE_URL)."""
    site = settings.SITE_URL.rstrip("/")
    assert [url for url in links_in(message) if not url.startswith(f"{site}/")] == []
    matching = [url for url in links_in(message) if path_part in url]
    assert len(matching) == 1, message.body
    return matching[0].removeprefix(site)
