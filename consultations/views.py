"""Consultation pages and the citizen's actions on them: glue between forms and services."""

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inepa_portal import pagecache
from inepa_portal.alternates import language_alternates
from inepa_portal.translation import LANGUAGE_CODES, current_language

from . import access, caching, editing, fragments, permissions, selectors, services
from .forms import CommentEditForm, CommentForm, ReplyForm, SupportForm, VoteForm
from .models import Comment, Consultation, ModerationReason, Section

COMMENTS_PER_PAGE = selectors.COMMENTS_PER_PAGE
REPLIES_PER_PAGE = 50  # on a thread's own page


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


def _no_scopes(request: HttpRequest, **kwargs) -> list[str]:
    return []  # the views name the consultations they show (caching.consultation_*_shown)


# Pages show the time left: keep them a minute at most (and never past an opening or closing).
@require_safe
@pagecache.cache_for_visitors(_no_scopes, seconds=60)
def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = selectors.consultations_for_listing(request.user)
    caching.consultation_list_shown(request, consultations)
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


REPLY_MARKER = "__parent__"


def _comment_actions(
    request: HttpRequest,
    consultation: Consultation,
    comments: list[Comment],
    *,
    taking_part: bool,
    headings: str,
) -> dict:
    """The context the comment template acts with: the reader's permissions on each comment
    shown, the fields of a reply form for each comment they may reply to (with ids of its own,
    so that a page of many threads stays valid), and the hidden field of each support button.

    The reply fields are the same for every comment but for the parent's id: rendered once
    and given each comment's id, not rendered again for each of a hundred threads.

    `headings` are the tags of a reply's and a comment's heading on this page (as the
    template names them), for looking up the stored threads (fragments.StoredThreads)."""
    allowed = permissions.comment_permissions(request.user, comments, taking_part=taking_part)
    reply_fields = ""
    if allowed.reply:
        form = ReplyForm(
            consultation=consultation,
            user=request.user,
            initial={"parent": REPLY_MARKER},
            auto_id=f"reply-{REPLY_MARKER}-%s",
        )
        reply_fields = render_to_string(
            "consultations/includes/reply_fields.html", {"form": form}, request=request
        )
    for comment in comments:
        comment.reply_fields = (
            mark_safe(reply_fields.replace(REPLY_MARKER, str(comment.pk)))  # noqa: S308 -- our template's output, with an integer put in
            if comment.pk in allowed.reply
            else ""
        )
    return {
        "allowed": allowed,
        # Each thread as the reader sees it, from the cache where it was rendered before.
        "stored_threads": fragments.StoredThreads(
            comments, allowed=allowed, slug=consultation.localized().slug, headings=headings
        ),
        # The same for every comment, and without an id: rendered once, not once a comment.
        "support_fields": {
            action: SupportForm(initial={"action": action}, auto_id=False)["action"].as_hidden()
            for action in ("support", "withdraw")
        },
    }


TARGET_MARKER = "__target__"
SECTION_MARKER = "__section__"


def _target_forms(
    request: HttpRequest, consultation: Consultation, discussions: list[selectors.Discussion]
) -> None:
    """Give each target on the page the fields of its comment and vote forms, with ids of its
    own.

    They are the same for every target but for the anchor in their ids, the section they name,
    the comment field's label and the reader's vote: rendered once for each label and each
    vote shown (six times at most), and given each target's anchor and section, not rendered
    twice for each of eleven targets (the forms were a third of a signed-in page's rendering).
    """

    @functools.cache
    def comment_fields(label: str) -> str:
        form = CommentForm(
            consultation=consultation,
            initial={"section": SECTION_MARKER},
            auto_id=f"{TARGET_MARKER}-%s",
        )
        return render_to_string(
            "includes/form_fields.html", {"form": form, "field_label": label}, request=request
        )

    @functools.cache
    def vote_fields(choice: str | None) -> tuple[str, str]:
        form = VoteForm(
            consultation=consultation,
            initial={"section": SECTION_MARKER, "choice": choice},
            auto_id=f"{TARGET_MARKER}-vote-%s",
        )
        return str(form["section"]), str(form["choice"])

    for discussion in discussions:
        anchor = discussion.section.anchor if discussion.section else "draft"
        section = str(discussion.section.pk) if discussion.section else ""

        def put(html: str, anchor=anchor, section=section) -> str:
            if not section:  # the draft names no section, as a field with no value renders
                html = html.replace(f' value="{SECTION_MARKER}"', "")
            return mark_safe(  # noqa: S308 -- our templates' output, with an id and an integer put in
                html.replace(TARGET_MARKER, anchor).replace(SECTION_MARKER, section)
            )

        label = (
            _("Comment on this section")
            if discussion.section
            else _("Comment on the draft as a whole")
        )
        discussion.comment_fields = put(comment_fields(label))
        section_field, choice_field = vote_fields(discussion.my_vote)
        discussion.vote_section_field = put(section_field)
        discussion.vote_choice_field = put(choice_field)


def _place_feedback(
    request: HttpRequest, discussions: list[selectors.Discussion], comments: list[Comment]
) -> dict:
    """Put each message beside the place it is about (a comment, a target's votes or comment
    form, a target); the rest, and those about a place this page does not show, at the top."""
    placed, unplaced = access.place_feedback(request)
    shown: set[str] = set()

    def take(anchor: str) -> list:
        shown.add(anchor)
        return placed.get(anchor, [])

    for discussion in discussions:
        anchor = discussion.section.anchor if discussion.section else "draft"
        discussion.feedback = take(anchor)
        discussion.vote_feedback = take(f"{anchor}-votes")
        discussion.form_feedback = take(f"{anchor}-new-comment")
    for comment in comments:
        for shown_comment in [comment, *comment.shown_replies]:
            shown_comment.feedback = take(shown_comment.anchor)
    for anchor, elsewhere in placed.items():
        if anchor not in shown:
            unplaced.extend(elsewhere)
    return {"messages_placed": True, "top_messages": unplaced}


@require_safe
@pagecache.cache_for_visitors(_no_scopes, seconds=60)
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = access.load_consultation(request, slug)
    caching.consultation_page_shown(request, consultation)
    canonical_slug = consultation.localized().slug
    if slug != canonical_slug:
        return redirect(
            reverse("consultations:detail", kwargs={"slug": canonical_slug}), permanent=True
        )
    discussions = selectors.consultation_page(consultation, user=request.user)
    barrier = permissions.participation_barrier(request.user, consultation)
    can_take_part = barrier is None
    if can_take_part:
        _target_forms(request, consultation, discussions)
    comments = [comment for discussion in discussions for comment in discussion.comments]
    actions = _comment_actions(
        request, consultation, comments, taking_part=can_take_part, headings="h5,h4"
    )
    response = render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "discussions": discussions,
            "can_take_part": can_take_part,
            "barrier": barrier,
            "moderation": _moderation_counts(consultation),
            "alternates": language_alternates(
                request, _paths(consultation), written=consultation.written_languages()
            ),
            "section": "consultations",
            **actions,
            **_place_feedback(request, discussions, comments),
        },
    )
    actions["stored_threads"].save()
    return response


def _thread(consultation: Consultation, section: Section | None, thread_id: str | None):
    """The thread a discussion page is asked to show alone, if any; 404 for an id that names
    no thread of this target anyone may read."""
    if thread_id is None:
        return None
    if not thread_id.isdigit():
        raise Http404
    thread = selectors.thread_in_discussion(consultation, section, int(thread_id))
    if thread is None:
        raise Http404
    return thread


@require_safe
@pagecache.cache_for_visitors(_no_scopes, seconds=60)
def discussion(request: HttpRequest, slug: str, target: str) -> HttpResponse:
    """Every comment on the draft as a whole ("draft") or on one section, page by page."""
    consultation = access.load_consultation(request, slug)
    caching.consultation_page_shown(request, consultation)
    section = None if target == "draft" else _section(consultation, int(target))
    thread = _thread(consultation, section, request.GET.get("thread"))
    if thread is not None:  # one thread, its replies page by page
        page = Paginator(selectors.thread_replies(thread), REPLIES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        comments = selectors.finish_thread(thread, list(page.object_list), user=request.user)
    else:
        page = Paginator(
            selectors.discussion_page(consultation, section, user=request.user),
            COMMENTS_PER_PAGE,
        ).get_page(request.GET.get("page"))
        comments = selectors.finish_comments(list(page.object_list), user=request.user)
    barrier = permissions.participation_barrier(request.user, consultation)
    can_take_part = barrier is None
    shown = selectors.target_discussion(consultation, section, comments, user=request.user)
    if can_take_part:
        _target_forms(request, consultation, [shown])
    actions = _comment_actions(
        request, consultation, comments, taking_part=can_take_part, headings="h4,h3"
    )
    response = render(
        request,
        "consultations/discussion.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "target_section": section,
            "discussion": shown,
            "can_take_part": can_take_part,
            "barrier": barrier,
            "page": page,
            "thread": thread,
            "comments": comments,
            "alternates": language_alternates(
                request,
                _paths(consultation, "discussion", target=target),
                written=consultation.written_languages(),
            ),
            "section": "consultations",
            **actions,
            **_place_feedback(request, [shown], comments),
        },
    )
    actions["stored_threads"].save()
    return response


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
    target_anchor = section.anchor if section else "draft"
    refusal = access.refuse_unless_citizen(
        request, consultation, parent.anchor if parent else f"{target_anchor}-new-comment"
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
                # Not shown yet: the message stands where it was written (the thread replied
                # to, or the comment form of its target).
                place = parent.anchor if parent else f"{target_anchor}-new-comment"
                access.tell(
                    request,
                    messages.SUCCESS,
                    _("Thank you. Your comment awaits moderation and appears once approved."),
                    at=place,
                )
                if parent:
                    return redirect(access.comment_url(consultation, parent))
                return redirect(access.page_url(consultation, place))
            access.tell(
                request,
                messages.SUCCESS,
                _("Thank you: your comment is published."),
                at=comment.anchor,
            )
            return redirect(access.comment_url(consultation, comment))
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
    anchor = f"{section.anchor if section else 'draft'}-votes"
    refusal = access.refuse_unless_citizen(request, consultation, anchor)
    if refusal:
        return refusal
    if form.has_error("choice"):
        for error in form.errors["choice"]:
            access.tell(request, messages.ERROR, error, at=anchor)
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
            access.tell(request, messages.ERROR, message, at=anchor)
    else:
        access.tell(
            request,
            messages.SUCCESS,
            _("Your vote is recorded. You can change it until the consultation closes."),
            at=anchor,
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
                done = _("You support this comment.")
            else:
                services.comment_unsupport(comment=comment, user=request.user)
                done = _("You no longer support this comment.")
        except ValidationError as error:
            for message in error.messages:
                access.tell(request, messages.ERROR, message, at=comment.anchor)
        else:
            access.tell(request, messages.SUCCESS, done, at=comment.anchor)
    return redirect(access.comment_url(consultation, comment))


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
                access.tell(request, messages.ERROR, message, at=comment.anchor)
            return redirect(access.comment_url(consultation, comment))
        # A removed comment stays as a placeholder only while replies hang from it: the
        # message stands in its thread (a reply's parent) or, without one, at the top.
        place = f"comment-{comment.parent_id}" if comment.parent_id else comment.anchor
        access.tell(request, messages.SUCCESS, _("Your comment is removed."), at=place)
        return redirect(access.comment_url(consultation, comment, place))
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
