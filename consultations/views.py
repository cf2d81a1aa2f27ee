"""Consultation pages and the citizen's actions on them: glue between forms and services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inepa_portal import pagecache, ratelimit
from inepa_portal.alternates import language_alternates
from inepa_portal.translation import LANGUAGE_CODES, current_language

from . import moderation, permissions, selectors, services
from .forms import AppealForm, CommentForm, FlagForm, ReplyForm, SupportForm, VoteForm
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


def _load(request: HttpRequest, slug: str) -> Consultation:
    consultation = selectors.consultation_for_slug(slug, user=request.user)
    if consultation is None:
        raise Http404
    return consultation


def _page_url(consultation: Consultation, anchor: str = "") -> str:
    return consultation.get_absolute_url() + (f"#{anchor}" if anchor else "")


def _login_url(next_url: str) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': next_url})}"


def _refuse_unless_citizen(request: HttpRequest, consultation: Consultation, anchor: str):
    """Send visitors to sign in (and back), unverified people to verify; None for citizens."""
    if not request.user.is_authenticated:
        return redirect(_login_url(_page_url(consultation, anchor)))
    if not permissions.is_verified_citizen(request.user):
        messages.error(request, _("Verify your email address before you take part."))
        return redirect(_page_url(consultation, anchor))
    return None


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


def _take_turn(request: HttpRequest, scope: str) -> ratelimit.Permit | str:
    """A permit to post (give it back if the post is refused after all), or a translated
    refusal when the person has posted too often."""
    turn = ratelimit.consume(scope=scope, who=str(request.user.pk))
    if isinstance(turn, ratelimit.Permit):
        return turn
    minutes = max(1, round(turn.retry_after / 60))
    return ngettext(
        "You have posted a lot in a short time. Please wait %(minutes)d minute and try again.",
        "You have posted a lot in a short time. Please wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


@require_safe
@pagecache.cache_for_visitors(_consultation_scopes, seconds=60)
def consultation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _load(request, slug)
    canonical_slug = consultation.localized().slug
    if slug != canonical_slug:
        return redirect(
            reverse("consultations:detail", kwargs={"slug": canonical_slug}), permanent=True
        )
    return render(
        request,
        "consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "discussions": selectors.consultation_page(consultation, user=request.user),
            "can_take_part": permissions.can_take_part(request.user, consultation),
            "is_verified_citizen": permissions.is_verified_citizen(request.user),
            "moderation": _moderation_counts(consultation),
            "alternates": language_alternates(request, _paths(consultation)),
            "section": "consultations",
        },
    )


@require_safe
@pagecache.cache_for_visitors(_consultation_scopes, seconds=60)
def discussion(request: HttpRequest, slug: str, target: str) -> HttpResponse:
    """Every comment on the draft as a whole ("draft") or on one section, page by page."""
    consultation = _load(request, slug)
    section = None if target == "draft" else _section(consultation, int(target))
    page = Paginator(
        selectors.discussion_page(consultation, section, user=request.user), COMMENTS_PER_PAGE
    ).get_page(request.GET.get("page"))
    comments = selectors.finish_comments(list(page.object_list), user=request.user)
    return render(
        request,
        "consultations/discussion.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "target_section": section,
            "page": page,
            "comments": comments,
            "can_take_part": permissions.can_take_part(request.user, consultation),
            "alternates": language_alternates(
                request, _paths(consultation, "discussion", target=target)
            ),
            "section": "consultations",
        },
    )


def _posted_id(value: str | None) -> int | None:
    # isdecimal, not isdigit: "²" is a digit that int() refuses (a server error).
    return int(value) if value and value.isdecimal() else None


@require_POST
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _load(request, slug)
    parent_id = _posted_id(request.POST.get("parent"))
    # Looked up before sending a visitor to sign in: a comment nobody may read answers 404
    # to everyone, exactly as an id that does not exist.
    parent = (
        selectors.comment_for_action(consultation, parent_id, user=request.user)
        if parent_id
        else None
    )
    if parent_id and parent is None:
        raise Http404
    section = (
        parent.section
        if parent
        else _section(consultation, _posted_id(request.POST.get("section")))
    )
    refusal = _refuse_unless_citizen(
        request, consultation, parent.anchor if parent else (section.anchor if section else "draft")
    )
    if refusal:
        return refusal
    form = (ReplyForm if parent else CommentForm)(request.POST)
    # Only a post the form accepts takes a turn, and it gives the turn back if refused below.
    turn = _take_turn(request, "reply" if parent else "comment") if form.is_valid() else None
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
                return redirect(_page_url(consultation, parent.anchor if parent else "draft"))
            messages.success(request, _("Thank you: your comment is published."))
            return redirect(_page_url(consultation, comment.anchor))
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
    consultation = _load(request, slug)
    form = VoteForm(request.POST)
    section_id = _posted_id(request.POST.get("section"))
    anchor = f"section-{section_id}" if section_id else "draft"
    refusal = _refuse_unless_citizen(request, consultation, anchor)
    if refusal:
        return refusal
    if not form.is_valid():
        for error in form.errors.get("choice", []) or [_("Your vote could not be read.")]:
            messages.error(request, error)
        return redirect(_page_url(consultation, anchor))
    try:
        services.vote_cast(
            consultation=consultation,
            user=request.user,
            choice=form.cleaned_data["choice"],
            section=_section(consultation, form.cleaned_data["section"]),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Your vote is recorded. You can change it until the consultation closes.")
        )
    return redirect(_page_url(consultation, anchor))


@require_POST
def support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _load(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None:
        raise Http404
    refusal = _refuse_unless_citizen(request, consultation, comment.anchor)
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
    return redirect(_page_url(consultation, comment.anchor))


@require_http_methods(["GET", "HEAD", "POST"])
def comment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST removes the author's own comment."""
    consultation = _load(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None or not permissions.can_remove(request.user, comment):
        raise Http404
    if request.method == "POST":
        services.comment_remove(comment=comment)
        messages.success(request, _("Your comment is removed."))
        return redirect(
            _page_url(consultation, comment.anchor if comment.parent_id is None else "")
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
def flag(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET shows the reasons; POST records the citizen's flag."""
    consultation = _load(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None:
        raise Http404
    refusal = _refuse_unless_citizen(request, consultation, comment.anchor)
    if refusal:
        return refusal
    try:
        # A closed consultation's results are final: nobody reports (and so hides) anything.
        services.ensure_open(consultation, timezone.now())
    except services.ConsultationNotOpen as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_page_url(consultation, comment.anchor))
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        turn = _take_turn(request, "flag")
        if isinstance(turn, str):
            form.add_error(None, turn)
        else:
            try:
                moderation.comment_flag(
                    comment=comment,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                )
            except ValidationError as error:
                turn.give_back()
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Thank you. Moderators will look at this comment."))
                return redirect(_page_url(consultation, comment.anchor))
    return render(
        request,
        "consultations/flag_form.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "comment": comment,
            "form": form,
            "section": "consultations",
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def appeal(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The author of a hidden or rejected comment asks, once, for a review."""
    consultation = _load(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user, authors_own=True)
    if comment is None or not permissions.can_appeal(request.user, comment):
        raise Http404
    form = AppealForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.appeal_submit(
                comment=comment, author=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("Your request is with the moderators. We will email you their decision.")
            )
            return redirect("accounts:profile")
    return render(
        request,
        "consultations/appeal_form.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "comment": comment,
            "form": form,
            "section": "profile",
        },
        status=400 if form.errors else 200,
    )
