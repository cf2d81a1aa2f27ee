"""Counters kept beside what they count, so that no page counts 50,000 votes again.

The services that write a vote, a comment's state or a support call these in the same
transaction, after the row is written: votes per target and choice and published comments per
target (the draft as a whole on the consultation, a section on the section), supports per
comment. `recount` reads the rows and reports (and with `fix`, corrects) any drift; run by
`manage.py recount_counters`.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from .models import Comment, CommentSupport, Consultation, Section, Vote

VOTE_FIELDS = {
    Vote.Choice.AGREE: "votes_agree",
    Vote.Choice.DISAGREE: "votes_disagree",
    Vote.Choice.ABSTAIN: "votes_abstain",
}


def _target(consultation_id: int, section_id: int | None):
    if section_id is None:
        return Consultation.objects.filter(pk=consultation_id)
    return Section.objects.filter(pk=section_id)


def vote_counted(
    *, consultation_id: int, section_id: int | None, choice: str, previous: str | None = None
) -> None:
    """A vote `choice` was cast on a target (changed from `previous`, if it was there)."""
    if choice == previous:
        return
    changes = {VOTE_FIELDS[choice]: F(VOTE_FIELDS[choice]) + 1}
    if previous is not None:
        changes[VOTE_FIELDS[previous]] = F(VOTE_FIELDS[previous]) - 1
    _target(consultation_id, section_id).update(**changes)


def comment_status_counted(comment: Comment, *, previous: str | None) -> None:
    """`comment` is now in its status, and was in `previous` (None: it is new)."""
    was = previous == Comment.Status.PUBLISHED
    now = comment.status == Comment.Status.PUBLISHED
    if was != now:
        step = 1 if now else -1
        _target(comment.consultation_id, comment.section_id).update(
            comments_published=F("comments_published") + step
        )


def supports_counted(comment_id: int, change: int) -> None:
    """`change` supports were added to the comment (negative: taken back)."""
    if change:
        Comment.objects.filter(pk=comment_id).update(support_count=F("support_count") + change)


def supports_of_user_uncounted(user) -> None:
    """Before a person's supports are deleted: each comment they supported counts one less."""
    supported = CommentSupport.objects.filter(user=user).values("comment_id")
    Comment.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)


@dataclass
class Drift:
    what: str
    counted: int
    rows: int

    def __str__(self) -> str:
        return f"{self.what}: counted {self.counted}, the rows give {self.rows}"


def _target_rows(consultation: Consultation) -> dict[int | None, dict[str, int]]:
    rows: dict[int | None, dict[str, int]] = {}

    def target(section_id):
        return rows.setdefault(section_id, _nothing())

    for row in (
        Vote.objects.filter(consultation=consultation)
        .values("section_id", "choice")
        .annotate(count=Count("id"))
        .order_by()
    ):
        target(row["section_id"])[VOTE_FIELDS[row["choice"]]] = row["count"]
    for row in (
        Comment.objects.visible()
        .filter(consultation=consultation)
        .values("section_id")
        .annotate(count=Count("id"))
        .order_by()
    ):
        target(row["section_id"])["comments_published"] = row["count"]
    return rows


def _nothing() -> dict[str, int]:
    return dict.fromkeys([*VOTE_FIELDS.values(), "comments_published"], 0)


def _recount_consultation(pk: int, *, fix: bool) -> list[Drift]:
    """One consultation's targets, locked while they are compared (writers wait a moment)."""
    drifts = []
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().filter(pk=pk).first()
        if consultation is None:
            return []
        sections = list(consultation.sections.select_for_update().order_by("pk"))
        rows = _target_rows(consultation)
        for key, holder in [(None, consultation), *((s.pk, s) for s in sections)]:
            place = f"consultation {pk}, " + (f"section {key}" if key else "draft")
            wrong = {
                name: value
                for name, value in (rows.get(key) or _nothing()).items()
                if getattr(holder, name) != value
            }
            drifts += [
                Drift(f"{place}, {name}", getattr(holder, name), n) for name, n in wrong.items()
            ]
            if wrong and fix:
                type(holder).objects.filter(pk=holder.pk).update(**wrong)
    return drifts


def recount(*, fix: bool = False) -> list[Drift]:
    """Every counter against the rows it counts; with `fix`, the rows' numbers are written."""
    drifts: list[Drift] = []
    for pk in Consultation.objects.order_by("pk").values_list("pk", flat=True):
        drifts += _recount_consultation(pk, fix=fix)
    wrong_supports = (
        Comment.objects.annotate(rows=Count("supports"))
        .exclude(support_count=F("rows"))
        .values_list("pk", "support_count", "rows")
        .order_by("pk")
    )
    for pk, counted, rows in wrong_supports:
        drifts.append(Drift(f"comment {pk}, supports", counted, rows))
        if fix:  # counted in the statement that writes it: a support added meanwhile counts
            Comment.objects.filter(pk=pk).update(
                support_count=Coalesce(
                    Subquery(
                        CommentSupport.objects.filter(comment_id=OuterRef("pk"))
                        .values("comment_id")
                        .annotate(count=Count("id"))
                        .values("count")[:1]
                    ),
                    Value(0),
                )
            )
    return drifts
