"""A citizen's part in moderation on the site: reporting a comment, asking for a review."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from consultations import access, selectors
from consultations import services as participation

from . import permissions, services
from .forms import AppealForm, FlagForm


@require_http_methods(["GET", "HEAD", "POST"])
def flag(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET shows the reasons; POST records the citizen's flag."""
    consultation = access.load_consultation(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user)
    if comment is None:
        raise Http404
    refusal = access.refuse_unless_citizen(request, consultation, comment.anchor)
    if refusal:
        return refusal
    try:
        # A closed consultation's results are final: nobody reports (and so hides) anything.
        participation.ensure_open(consultation, timezone.now())
    except participation.ConsultationNotOpen as error:
        for message in error.messages:
            access.tell(request, messages.ERROR, message, at=comment.anchor)
        return redirect(access.comment_url(consultation, comment))
    if comment.flags.filter(user=request.user).exists():
        access.tell(request, messages.INFO, _("You reported this comment."), at=comment.anchor)
        return redirect(access.comment_url(consultation, comment))
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        turn = access.take_turn(request, "flag")
        if isinstance(turn, str):
            form.add_error(None, turn)
        else:
            try:
                services.comment_flag(
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
                access.tell(
                    request,
                    messages.SUCCESS,
                    _("Thank you. Moderators will look at this comment."),
                    at=comment.anchor,
                )
                return redirect(access.comment_url(consultation, comment))
    return render(
        request,
        "moderation/flag_form.html",
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
    consultation = access.load_consultation(request, slug)
    comment = selectors.comment_for_action(consultation, pk, user=request.user, authors_own=True)
    if comment is None or not permissions.can_appeal(request.user, comment):
        raise Http404
    form = AppealForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_submit(
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
        "moderation/appeal_form.html",
        {
            "consultation": consultation,
            "version": consultation.localized(),
            "comment": comment,
            "form": form,
            "section": "profile",
        },
        status=400 if form.errors else 200,
    )
