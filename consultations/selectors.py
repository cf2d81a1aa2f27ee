"""Reads for consultation pages: a fixed number of queries however large the discussion."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    BigIntegerField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from inepa_portal.translation import matching_slug

from .counters import VOTE_FIELDS
from .models import Comment, CommentSupport, Consultation, Section, Vote

COMMENTS_PER_TARGET = 10  # threads of each target on the consultation's page
COMMENTS_PER_PAGE = 20  # threads on a page of a whole discussion
REPLIES_PER_THREAD = 3  # under each thread of a page; a thread's own page shows them all
DRAFT = None  # the key of the draft as a whole, beside section ids


@dataclass
class Tally:
    agree: int = 0
    disagree: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.agree + self.disagree + self.abstain

    @property
    def percents(self) -> dict[str, int]:
        """Whole percentages that add up to 100, by the largest-remainder method.

        Rounding each share alone can give 101 (67 + 17 + 17): here every choice gets the floor
        of its share, and the points left over go to the largest remainders (ties to the choice
        named first, so the same counts always give the same figures).
        """
        counts = {"agree": self.agree, "disagree": self.disagree, "abstain": self.abstain}
        if not self.total:
            return dict.fromkeys(counts, 0)
        floors = {choice: 100 * count // self.total for choice, count in counts.items()}
        remainders = {choice: 100 * count % self.total for choice, count in counts.items()}
        by_remainder = sorted(counts, key=lambda choice: -remainders[choice])
        for choice in by_remainder[: 100 - sum(floors.values())]:
            floors[choice] += 1
        return floors

    @property
    def agree_percent(self) -> int:
        return self.percents["agree"]

    @property
    def disagree_percent(self) -> int:
        return self.percents["disagree"]

    @property
    def abstain_percent(self) -> int:
        return self.percents["abstain"]


@dataclass
class Discussion:
    """The comments on one target (a section, or the draft as a whole) shown on a page."""

    section: Section | None
    comments: list[Comment]
    top_level_count: int = 0
    comment_count: int = 0
    tally: Tally = field(default_factory=Tally)
    my_vote: str | None = None
    responses: list = field(default_factory=list)

    @property
    def has_more(self) -> bool:
        return self.top_level_count > len(self.comments)


def visible_consultations(user) -> QuerySet[Consultation]:
    """Published consultations; unpublished ones too for staff who may change them (a preview)."""
    if user.is_staff and user.has_perm(Consultation.PREVIEW_PERMISSION):
        return Consultation.objects.all()
    return Consultation.objects.published()


def _with_participation(consultations: QuerySet[Consultation]) -> QuerySet[Consultation]:
    """Each consultation with its published comments (`comment_total`) and the people who took
    part (`participant_total`: voters, and authors of published comments who did not vote),
    each counted by the database over that consultation's rows only."""
    per_consultation = {"consultation": OuterRef("pk")}

    def counted(queryset: QuerySet, field_name: str) -> Coalesce:
        return Coalesce(
            Subquery(
                queryset.order_by()
                .values("consultation")
                .annotate(count=Count(field_name, distinct=True))
                .values("count")[:1]
            ),
            Value(0),
        )

    voters = Vote.objects.filter(**per_consultation, user__isnull=False)
    commenters_without_vote = (
        Comment.objects.visible()
        .filter(**per_consultation, author__isnull=False)
        .exclude(
            Exists(
                Vote.objects.filter(consultation=OuterRef("consultation"), user=OuterRef("author"))
            )
        )
    )
    return consultations.annotate(
        comment_total=counted(Comment.objects.visible().filter(**per_consultation), "id"),
        participant_total=counted(voters, "user") + counted(commenters_without_vote, "author"),
    )


def open_consultations(user, *, now: datetime | None = None) -> list[Consultation]:
    """The consultations open now, closing soonest first, with their participation so far."""
    now = now or timezone.now()
    return list(
        _with_participation(visible_consultations(user).open_now(now=now)).order_by("closes_at")
    )


def consultations_for_listing(user, *, now: datetime | None = None) -> list[Consultation]:
    """Open ones first (closing soonest first), then upcoming (opening soonest), then closed;
    each with its participation so far (`comment_total`, `participant_total`)."""
    now = now or timezone.now()
    consultations = list(_with_participation(visible_consultations(user)))
    order = {
        Consultation.State.OPEN: 0,
        Consultation.State.UPCOMING: 1,
        Consultation.State.CLOSED: 2,
    }

    def key(consultation: Consultation) -> tuple:
        state = consultation.state(now=now)
        if state == Consultation.State.OPEN:
            moment = consultation.closes_at.timestamp()
        elif state == Consultation.State.UPCOMING:
            moment = consultation.opens_at.timestamp()
        else:
            moment = -consultation.closes_at.timestamp()
        return (order[state], moment)

    return sorted(consultations, key=key)


def consultation_for_slug(slug: str, *, user) -> Consultation | None:
    """The consultation with `slug` in any language that `user` may see."""
    return matching_slug(visible_consultations(user), slug).first()


def _tally(target: Consultation | Section) -> Tally:
    return Tally(*(getattr(target, field) for field in VOTE_FIELDS.values()))


def tallies(consultation: Consultation) -> dict[int | None, Tally]:
    """Votes per target and choice, as the services count them (consultations.counters)."""
    fields = list(VOTE_FIELDS.values())
    # Read afresh, in one query: the draft's (as target 0, no section's id) and the sections'.
    rows = (
        Consultation.objects.filter(pk=consultation.pk)
        .values_list(Value(0, output_field=IntegerField()), *fields)
        .order_by()
        .union(
            Section.objects.filter(consultation_id=consultation.pk)
            .values_list("pk", *fields)
            .order_by()
        )
        .order_by()
    )
    return {target or None: Tally(*counts) for target, *counts in rows}


def _attach_replies(comments: list[Comment], *, limit: int | None = None) -> None:
    """Each comment's replies (its first `limit`), and how many it has (`reply_count`)."""
    replies: dict[int, list[Comment]] = {comment.pk: [] for comment in comments}
    counts: dict[int, int] = {}
    if replies:
        found = (
            Comment.objects.in_discussion()
            .filter(parent_id__in=replies)
            .select_related("author")
            .order_by("created_at", "id")
        )
        if limit is not None:
            found = found.annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("parent_id")], order_by=[F("created_at"), F("id")]
                ),
                thread_total=Window(Count("id"), partition_by=[F("parent_id")]),
            ).filter(rank__lte=limit)
        for reply in found:
            replies[reply.parent_id].append(reply)
            counts[reply.parent_id] = getattr(reply, "thread_total", 0)
    for comment in comments:
        comment.shown_replies = replies[comment.pk]
        comment.reply_count = counts.get(comment.pk) or len(comment.shown_replies)


def _attach_responses(
    consultation: Consultation, comments: list[Comment]
) -> dict[int | None, list]:
    """Official responses under the comments shown; returns those answering a whole target."""
    by_comment: dict[int, list] = {}
    by_target: dict[int | None, list] = {}
    # Through the relation the moderation app adds to Consultation: participation does not
    # import moderation (the pages show its responses, moderation writes them).
    for response in consultation.official_responses.order_by("created_at", "id"):
        if response.comment_id:
            by_comment.setdefault(response.comment_id, []).append(response)
        else:
            by_target.setdefault(response.section_id, []).append(response)
    for comment in comments:
        for shown in [comment, *comment.shown_replies]:
            shown.responses = by_comment.get(shown.pk, [])
    return by_target


def _top_level(consultation: Consultation) -> QuerySet[Comment]:
    return (
        Comment.objects.in_discussion()
        .filter(consultation=consultation, parent__isnull=True)
        .select_related("author")
    )


def _mark_my_supports(comments: list[Comment], user) -> None:
    every = [c for comment in comments for c in [comment, *comment.shown_replies]]
    mine: set[int] = set()
    if user.is_authenticated and every:
        mine = set(
            CommentSupport.objects.filter(
                user=user, comment_id__in=[c.pk for c in every]
            ).values_list("comment_id", flat=True)
        )
    for comment in every:
        comment.supported_by_me = comment.pk in mine


def _mark_my_reports(comments: list[Comment], user) -> None:
    """Mark the comments shown that `user` has reported (through the relation the moderation
    app adds to Comment: participation does not import moderation)."""
    every = [c for comment in comments for c in [comment, *comment.shown_replies]]
    mine: set[int] = set()
    if user.is_authenticated and every:
        mine = set(
            Comment.objects.filter(pk__in=[c.pk for c in every], flags__user=user).values_list(
                "pk", flat=True
            )
        )
    for comment in every:
        comment.reported_by_me = comment.pk in mine


def _my_votes(consultation: Consultation, user) -> dict[int | None, str]:
    if not user.is_authenticated:
        return {}
    return dict(
        Vote.objects.filter(consultation=consultation, user=user).values_list(
            "section_id", "choice"
        )
    )


def _first_threads(consultation: Consultation) -> list[Comment]:
    """The first threads of the draft and of each section. On PostgreSQL each section's are
    an index scan that stops after a few rows, gathered per section row into an array and
    unnested, with the draft's put beside them by UNION ALL: the cost does not grow with the
    consultation, and the SQL is the same whatever the number of sections (building one
    subquery per section cost more Python than the database's whole answer). Elsewhere
    (SQLite, the embedded default for small sites), one window over the consultation's threads.
    """
    if connection.vendor == "postgresql":
        threads = (
            Comment.objects.discussed()
            .filter(consultation=consultation, parent__isnull=True)
            .order_by("created_at", "id")
            .values("pk")
        )
        per_section = (
            Section.objects.filter(consultation=consultation)
            .order_by()
            .values(
                first=Func(
                    ArraySubquery(threads.filter(section_id=OuterRef("pk"))[:COMMENTS_PER_TARGET]),
                    function="unnest",
                    output_field=BigIntegerField(),
                )
            )
        )
        draft = threads.filter(section__isnull=True)[:COMMENTS_PER_TARGET]
        chosen = per_section.union(draft, all=True)
        return list(_top_level(consultation).filter(pk__in=chosen).order_by("created_at", "id"))
    return list(
        _top_level(consultation)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("section_id")], order_by=[F("created_at"), F("id")]
            )
        )
        .filter(rank__lte=COMMENTS_PER_TARGET)
        .order_by("created_at", "id")
    )


def consultation_page(consultation: Consultation, *, user) -> list[Discussion]:
    """The draft and each section with its first comments, tallies and the reader's votes."""
    sections = list(consultation.sections.all())
    top = _first_threads(consultation)
    threads = dict(
        Comment.objects.in_discussion()
        .filter(consultation=consultation, parent__isnull=True)
        .values("section_id")
        .annotate(count=Count("id"))
        .values_list("section_id", "count")
        .order_by()
    )
    _attach_replies(top, limit=REPLIES_PER_THREAD)
    _mark_my_supports(top, user)
    _mark_my_reports(top, user)
    target_responses = _attach_responses(consultation, top)
    mine = _my_votes(consultation, user)
    discussions = []
    for section in [DRAFT, *sections]:
        key = section.pk if section else None
        comments = [comment for comment in top if comment.section_id == key]
        target = section or consultation  # the draft's counters are the consultation's
        discussions.append(
            Discussion(
                section=section,
                comments=comments,
                top_level_count=threads.get(key, 0),
                comment_count=target.comments_published,
                tally=_tally(target),
                my_vote=mine.get(key),
                responses=target_responses.get(key, []),
            )
        )
    return discussions


def discussion_page(consultation: Consultation, section: Section | None, *, user):
    """All top-level comments on one target, for pagination, and a function to finish a page."""
    return _top_level(consultation).filter(section=section).order_by("created_at", "id")


def finish_comments(comments: list[Comment], *, user) -> list[Comment]:
    """Attach replies (a few of each thread), official responses and the reader's supports to
    a page of comments."""
    _attach_replies(comments, limit=REPLIES_PER_THREAD)
    _mark_my_supports(comments, user)
    _mark_my_reports(comments, user)
    if comments:
        # The consultation's id is enough to read its responses: no query to load it again.
        _attach_responses(Consultation(pk=comments[0].consultation_id), comments)
    return comments


def target_discussion(
    consultation: Consultation, section: Section | None, comments: list[Comment], *, user
) -> Discussion:
    """One target's discussion for its own pages: `comments` (a page of its threads, finished),
    its tally, comment count, official responses and the reader's vote (counts from the
    counters the services keep)."""
    target = section or consultation
    my_vote = (
        Vote.objects.filter(consultation=consultation, section=section, user=user)
        .values_list("choice", flat=True)
        .first()
        if user.is_authenticated
        else None
    )
    return Discussion(
        section=section,
        comments=comments,
        comment_count=target.comments_published,
        tally=_tally(target),
        my_vote=my_vote,
        responses=list(
            consultation.official_responses.filter(comment__isnull=True, section=section).order_by(
                "created_at", "id"
            )
        ),
    )


def thread_position(comment: Comment) -> int:
    """How many threads of its target come before `comment`'s thread (its own, or its parent's
    for a reply) in a discussion: where the page that shows it is."""
    top = comment.parent if comment.parent_id else comment
    return (
        Comment.objects.in_discussion()
        .filter(consultation_id=top.consultation_id, parent__isnull=True, section_id=top.section_id)
        .filter(Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, pk__lt=top.pk))
        .count()
    )


def thread_in_discussion(consultation: Consultation, section: Section | None, pk: int):
    """The thread (a top-level comment in the discussion of this target) `pk`, or None."""
    return _top_level(consultation).filter(section=section, pk=pk).first()


def thread_replies(thread: Comment) -> QuerySet[Comment]:
    """Every reply in a thread's discussion, in order, for pagination."""
    return (
        Comment.objects.in_discussion()
        .filter(parent=thread)
        .select_related("author")
        .order_by("created_at", "id")
    )


def finish_thread(thread: Comment, replies: list[Comment], *, user) -> list[Comment]:
    """A thread with one page of its replies, their official responses and the reader's
    supports."""
    thread.shown_replies = replies
    thread.reply_count = len(replies)  # all of this page are shown: no link to them
    _mark_my_supports([thread], user)
    _attach_responses(Consultation(pk=thread.consultation_id), [thread])
    return [thread]


def comment_for_action(
    consultation: Consultation, pk: int, *, user, authors_own: bool = False
) -> Comment | None:
    """The comment `pk` of `consultation` that `user` may act on, or None: the one lookup of a
    comment id taken from a request.

    Anyone (a moderator too: on the site they are a citizen like any other; they moderate in
    the admin) finds only what `Comment.objects.visible()` shows. That is all replying,
    supporting or withdrawing a support, reporting and removing need (authors remove their own
    published comments). With `authors_own`, the person also finds their own comments in any
    state: only asking for a review of one's own hidden or rejected comment uses it. Whatever
    else the id names (a hidden, pending, rejected or removed comment, another consultation's,
    or nothing), the answer is the same None, so callers answer the same 404 for all of them.
    """
    named = Comment.objects.filter(consultation=consultation, pk=pk)
    found = named.visible()
    if authors_own and user.is_authenticated:
        found |= named.filter(author_id=user.pk)
    return found.select_related("consultation", "section", "parent").first()


def comments_by_author(user) -> QuerySet[Comment]:
    """A person's own comments, newest first, with where they were written."""
    return (
        Comment.objects.filter(author=user)
        .select_related("consultation", "section", "appeal")
        .order_by("-created_at", "-id")
    )


def votes_by_user(user) -> QuerySet[Vote]:
    """A person's own votes, with what they were cast on."""
    return (
        Vote.objects.filter(user=user)
        .select_related("consultation", "section")
        .order_by("consultation_id", "section__position", "section_id")
    )


def supports_by_user(user) -> QuerySet[CommentSupport]:
    return CommentSupport.objects.filter(user=user).select_related("comment").order_by("id")


def moderation_summary(consultation: Consultation) -> dict[str, dict[str, int]]:
    """How many comments were hidden or rejected, by reason; never their content.

    Returns {"hidden": {reason: count}, "rejected": {reason: count}}.
    """
    summary: dict[str, dict[str, int]] = {
        Comment.Status.HIDDEN: {},
        Comment.Status.REJECTED: {},
    }
    rows = (
        Comment.objects.filter(
            consultation=consultation,
            status__in=[Comment.Status.HIDDEN, Comment.Status.REJECTED],
        )
        .values("status", "moderation_reason")
        .annotate(count=Count("id"))
        .order_by("status", "moderation_reason")
    )
    for row in rows:
        summary[row["status"]][row["moderation_reason"] or "other"] = row["count"]
    return summary
