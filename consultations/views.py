"""Consultation pages and the citizen's actions on them: glue between forms and services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inepa_portal import pagecache
from inepa_portal.alternates import language_alternates
from inepa_portal.translation import LANGUAGE_CODES, current_language

from . import access, editing, permissions, selectors, services
from .forms import CommentEditForm, CommentForm, ReplyForm, SupportForm, VoteForm
from .models import Comment, Consultation, ModerationReason, Section

COMMENTS_PER_PAGE = 20


def _paths(consultation: Consultation, name: str = "detail", **kwargs) -> dict[str, str]:
    paths = {}
    for code in LANGUAGE_CODES:
        with override(code):
            paths[code] = reverse(
                f"consultations:{name}", kwargs={"slug": consultation.localized().slug, **kwargs}
            )
    return paths


def _section(consultation: Consultation, section_id: int | None) -> Section | None:
    if section_id is None:
        return None
    section = consultation.sections.filter(pk=section_id).first()
    if section is None:
        raise Http404
    return section


def _list_scopes(request: HttpRequest) -> list[str]:
    return ["consultations"]


def _consultation_scopes(request: HttpRequest, slug: str, **kwargs) -> list[str]:
    return [f"consultation:{slug}"]


# Pages show the time left and change state at opens_at/closes_at: keep them a minute at most.
@require_safe
@pagecache.cache_for_visitors(_list_scopes, seconds=60)
def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = selectors.consultations_for_listing(request.user)
    return render(
        request,
        "consultations/consultation_list.html",
        {"consultations": consultations, "section": "consultations"},
    )


def _moderation_counts(consultation: Consultation) -> dict[str, list[dict]]:
    summary = selectors.moderation_summary(consultation)
    return {
        state: [
            {"label": ModerationReason(reason).label, "count": count}
            for reason, count in by_reason.items()
        ]
        for state, by_reason in summary.items()
    }


def _comment_actions(
    request: HttpRequest, consultation: Consultation, comments: list[Comment], *, taking_part: bool
) -> dict:
    """The context the comment template acts with: the reader's permissions on each comment
    shown, a reply form for each comment they may reply to (with ids of its own, so that a page
    of many threads stays valid), and the hidden field of each support button."""
    allowed = permissions.comment_permissions(request.user, comments, taking_part=taking_part)
    for comment in comments:
        comment.reply_form = (
            ReplyForm(
                consultation=consultation,
                user=request.user,
                initial={"parent": comment.pk},
                auto_id=f"reply-{comment.pk}-%s",
            )
            if comment.pk in allowed.reply
            else None
        )
    return {
        "allowed": allowed,
        # The same for every comment, and without an id: rendered once, not once a comment.
        "support_fields": {
            action: SupportForm(initial={"action": action}, auto_id=False)["action"].as_hidden()
            for action in ("support", "withdraw")
        },
    }


def _target_forms(consultation: Consultation, discussions: list[selectors.Discussion]) -> None:
    """Give each target on the page its comment and vote forms, with ids of its own."""
    for discussion in discussions:
        anchor = discussion.section.anchor if discussion.section else "draft"
        discussion.comment_form = CommentForm(
            consultation=consultation,
            initial={"section": discussion.section},
            auto_id=f"{anchor}-%s",
        )
        discussion.vote_form = VoteForm(
            consultation=consultation,
            initial={"section": discussion.section, "choice": discussion.my_vote},
            auto_id=f"{anchor}-vote-%s",
        )


@require_safe
@pagecache.cache_for_visitors(_consultation_scopes, seconds=60)
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = access.load_consultation(request, slug)
    canonical_slug = consultation.localized().slug
    if slug != canonical_slug:
        return redirect(
            reverse("consultations:detail", kwargs={"slug": canonical_slug}), permanent=True
        )
    discussions = selectors.consultation_page(consultation, user=request.user)
    barrier = permissions.participation_barrier(request.user, consultation)
    can_take_part = barrier is None
    if can_take_part:
        _target_forms(consultation, discussions)
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "discussions": discussions,
            "can_take_part": can_take_part,
            "barrier": barrier,
            "moderation": _moderation_counts(consultation),
            "alternates": language_alternates(request, _paths(consultation)),
            "section": "consultations",
            **_comment_actions(
                request,
                consultation,
                [comment for discussion in discussions for comment in discussion.comments],
                taking_part=can_take_part,
            ),
        },
    )


@require_safe
@pagecache.cache_for_visitors(_consultation_scopes, seconds=60)
def discussion(request: HttpRequest, slug: str, target: str) -> HttpResponse:
    """Every comment on the draft as a whole ("draft") or on one section, page by page."""
    consultation = access.load_consultation(request, slug)
    section = None if target == "draft" else _section(consultation, int(target))
    page = Paginator(
        selectors.discussion_page(consultation, section, user=request.user), COMMENTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    comments = selectors.finish_comments(list(page.object_list), user=request.user)
    can_take_part = permissions.can_take_part(request.user, consultation)
    return render(
        request,
        "consultations/discussion.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "target_section": section,
            "page": page,
            "comments": comments,
            "alternates": language_alternates(
                request, _paths(consultation, "discussion", target=target)
            ),
            "section": "consultations",
            **_comment_actions(request, consultation, comments, taking_part=can_take_part),
        },
    )


@require_POST
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = access.load_consultation(request, slug)
    if request.POST.get("parent"):
        form = ReplyForm(request.POST, consultation=consultation, user=request.user)
    else:
        form = CommentForm(request.POST, consultation=consultation)
    # Checked before sending a visitor to sign in: a section or comment nobody may read
    # answers 404 to everyone, exactly as an id that does not exist.
    if form.names_nothing_known():
        raise Http404
    parent = form.cleaned_data.get("parent")
    section = form.cleaned_data.get("section")
    refusal = access.refuse_unless_citizen(
        request, consultation, parent.anchor if parent else (section.anchor if section else "draft")
    )
    if refusal:
        return refusal
    # Only a post the form accepts takes a turn, and it gives the turn back if refused below.
    turn = access.take_turn(request, "reply" if parent else "comment") if form.is_valid() else None
    if isinstance(turn, str):
        form.add_error(None, turn)
    elif turn is not None:
        try:
            comment = services.comment_submit(
                consultation=consultation,
                author=request.user,
                body=form.cleaned_data["body"],
                language=current_language(),
                section=section,
                parent=parent,
            )
        except ValidationError as error:
            turn.give_back()
            for message in error.messages:
                form.add_error(None, message)
        else:
            if comment.status == Comment.Status.PENDING:
                messages.success(
                    request,
                    _("Thank you. Your comment awaits moderation and appears once approved."),
                )
                return redirect(access.page_url(consultation, parent.anchor if parent else "draft"))
            messages.success(request, _("Thank you: your comment is published."))
            return redirect(access.page_url(consultation, comment.anchor))
    # Shown again with the errors, keeping what the person typed.
    return render(
        request,
        "consultations/comment_form.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "form": form,
            "parent": parent,
            "target_section": section,
            "section": "consultations",
        },
        status=400,
    )


@require_POST
def vote(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = access.load_consultation(request, slug)
    form = VoteForm(request.POST, consultation=consultation)
    # Read at once: a refusal sends the person back to the section they voted on.
    section = None if form.has_error("section") else form.cleaned_data.get("section")
    anchor = section.anchor if section else "draft"
    refusal = access.refuse_unless_citizen(request, consultation, anchor)
    if refusal:
        return refusal
    if form.has_error("choice"):
        for error in form.errors["choice"]:
            messages.error(request, error)
        return redirect(access.page_url(consultation, anchor))
    if form.has_error("section"):
        raise Http404
    try:
        services.vote_cast(
            consultation=consultation,
            user=request.user,
            choice=form.cleaned_data["choice"],
            section=section,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Your vote is recorded. You can change it until the consultation closes.")
        )
    return redirect(access.page_url(consultation, anchor))


@require_POST
def support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = access.load_consultation(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None:
        raise Http404
    refusal = access.refuse_unless_citizen(request, consultation, comment.anchor)
    if refusal:
        return refusal
    form = SupportForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["action"] == "support":
                services.comment_support(comment=comment, user=request.user)
            else:
                services.comment_unsupport(comment=comment, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    return redirect(access.page_url(consultation, comment.anchor))


@require_http_methods(["GET", "HEAD", "POST"])
def comment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the author's own comment."""
    consultation = access.load_consultation(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None or not permissions.can_remove(request.user, comment):
        raise Http404
    if request.method == "POST":
        try:
            services.comment_remove(comment=comment, author=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(access.page_url(consultation, comment.anchor))
        messages.success(request, _("Your comment is removed."))
        return redirect(
            access.page_url(consultation, comment.anchor if comment.parent_id is None else "")
        )
    return render(
        request,
        "consultations/comment_confirm_remove.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "comment": comment,
            "section": "consultations",
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def comment_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET shows the author's comment in a form; POST saves the corrected text (for a short
    while after posting, until the first reply, report or response)."""
    consultation = access.load_consultation(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user, authors_own=True)
    if comment is None or not request.user.is_authenticated:
        raise Http404
    if comment.author_id != request.user.pk:
        raise Http404
    refusal = editing.edit_refusal(comment, now=timezone.now())
    if refusal:
        messages.error(request, refusal)
        return redirect(access.page_url(consultation, comment.anchor))
    form = CommentEditForm(
        request.POST if request.method == "POST" else None, initial={"body": comment.body}
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment = editing.comment_edit(
                comment=comment, author=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error("body", error)
        else:
            if comment.status == Comment.Status.PENDING:
                messages.success(request, _("Your comment is changed and waits for a moderator."))
            else:
                messages.success(request, _("Your comment is changed."))
            return redirect(access.page_url(consultation, comment.anchor))
    return render(
        request,
        "consultations/comment_edit.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "comment": comment,
            "form": form,
            "section": "consultations",
        },
    )
