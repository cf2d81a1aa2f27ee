"""Stored HTML of each thread as a reader sees it, kept in the shared cache (issue #12,
"stored HTML per comment").

A thread (a comment, its official responses, its first replies with theirs, the link to all
its replies and the reply form) is most of a consultation page, and rendering it through the
templates costs a few milliseconds; most readers see the same thread. So each thread's HTML is
stored under a key made of everything it is made from:

- each comment's state: status, moderation, the text as shown, edit time, supporters, its
  author's name, language, how many replies it has;
- each official response under it (its text in both languages);
- the page: language, time zone, the consultation's slug, heading levels, and the template's
  own source;
- the reader's *variant* of each comment (may support, supported, may edit, may remove, may
  report, reported, may reply).

A key is never stale: any change makes a new key, and the old entry is not read again (it
expires). Nothing has to be invalidated, so no write path can forget to.

Only two things differ between readers of the same variant, and neither is stored: the CSRF
token (stored as a marker, put in at each use) and the feedback beside a comment (a thread with
feedback in it is rendered as it is and not stored).

The page asks the cache once for every thread it shows (`StoredThreads`); a thread it did not
ask for (another heading level than the view expected) is looked up on its own, so asking
ahead only saves round trips and is never needed for a right page.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from .models import Comment
from .permissions import CommentPermissions

# The templates a thread's HTML is made from (the reply form's fields are rendered once a page
# from the last two, consultations.views._comment_actions).
TEMPLATES = (
    "consultations/includes/comment.html",
    "moderation/includes/official_response.html",
    "consultations/includes/reply_fields.html",
    "includes/form_field.html",
)
TIMEOUT = 24 * 3600  # a thread nobody reads leaves the cache after a day
TOKEN_MARKER = "\x00csrf\x00"  # noqa: S105 -- where the token goes, not a secret


def _template_version() -> str:
    """The thread templates' sources, hashed: a changed template makes new keys (asked once a
    page; the template loader keeps the parsed templates)."""
    digest = hashlib.blake2b(digest_size=8)
    for name in TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    return digest.hexdigest()


def reader_variant(comment: Comment, allowed: CommentPermissions) -> tuple[bool, ...]:
    """Every part of a comment's HTML that depends on who reads it, but for the CSRF token
    (the reply form's fields are the same for every reader who may reply)."""
    return (
        comment.pk in allowed.support,
        bool(getattr(comment, "supported_by_me", False)),
        comment.pk in allowed.remove,
        comment.pk in allowed.edit,
        comment.pk in allowed.report,
        bool(getattr(comment, "reported_by_me", False)),
        comment.pk in allowed.reply,
    )


def _comment_parts(comment: Comment, allowed: CommentPermissions) -> tuple:
    return (
        comment.pk,
        comment.parent_id,
        comment.section_id,
        comment.status,
        comment.moderation_reason,
        comment.moderated_at,
        comment.created_at,
        comment.edited_at,
        comment.support_count,
        comment.language,
        comment.author.display_name if comment.author_id else None,
        comment.public_html,  # the text as shown (Comment.objects.in_discussion())
        getattr(comment, "reply_count", 0),
        tuple(
            (response.pk, response.created_at, response.body_html_sl, response.body_html_en)
            for response in getattr(comment, "responses", ())
        ),
        reader_variant(comment, allowed),
    )


def has_feedback(thread: Comment) -> bool:
    return any(getattr(shown, "feedback", None) for shown in (thread, *thread.shown_replies))


class StoredThreads:
    """The threads of one page for one reader: looked up together, stored after the page is
    rendered (`save`)."""

    def __init__(
        self,
        threads: Iterable[Comment],
        *,
        allowed: CommentPermissions,
        slug: str,
        headings: str,
    ) -> None:
        self.allowed = allowed
        self.page = (
            _template_version(),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            slug,
        )
        keys = [self.key(thread, headings) for thread in threads]
        self.asked = set(keys)
        self.found = cache.get_many(keys) if keys else {}
        self.new: dict[str, str] = {}

    def key(self, thread: Comment, headings: str) -> str:
        parts = (
            *self.page,
            headings,
            *(_comment_parts(shown, self.allowed) for shown in (thread, *thread.shown_replies)),
        )
        digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
        return f"thread:{thread.pk}:{digest}"

    def thread(
        self,
        thread: Comment,
        headings: str,
        render: Callable[[], str],
        token: Callable[[], str],
    ) -> SafeString:
        """The HTML of `thread`: stored, or made by `render` and kept. `token` gives the page's
        CSRF token, asked only when the thread holds a form (a visitor's threads have none,
        and asking would give them a CSRF cookie)."""
        key = self.key(thread, headings)
        stored = self.found.get(key) if key in self.asked else cache.get(key)
        if stored is None:
            html = render()
            stored = html.replace(token(), TOKEN_MARKER) if "csrfmiddlewaretoken" in html else html
            self.new[key] = stored
            return mark_safe(html)  # noqa: S308 -- the template's own output
        if TOKEN_MARKER in stored:
            stored = stored.replace(TOKEN_MARKER, token())
        return mark_safe(stored)  # noqa: S308 -- the template's output, stored as it was

    def save(self) -> None:
        """Keep the threads rendered for this page (once the page is rendered)."""
        if self.new:
            cache.set_many(self.new, TIMEOUT)
            self.new = {}
