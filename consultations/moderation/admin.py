"""The moderation queue in the admin: comments needing attention first, decisions with reasons.

Moderators see and decide; nobody edits a comment's text or deletes a comment or a log entry
here. Comments are participation's model; their admin is the moderation queue, so it lives here.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.models import Comment, CommentVersion, ModerationReason

from . import permissions, selectors, services
from .forms import BlockForm, DecisionForm, OfficialResponseForm
from .models import Appeal, Flag, ModerationAction, OfficialResponse

ACTIONS = {
    ModerationAction.Action.PUBLISH: _("Publish"),
    ModerationAction.Action.HIDE: _("Hide"),
    ModerationAction.Action.REJECT: _("Reject"),
    ModerationAction.Action.RESTORE: _("Restore"),
}


def _comment_ids(text: str) -> list[int]:
    """The comment ids in a decision page's address; what is not one (not a number, or beyond
    what the key holds, which SQLite cannot even compare) is left out."""
    field = Comment._meta.pk
    ids = []
    for part in text.split(","):
        if not part.isdecimal():
            continue
        try:
            value = field.to_python(part)
            field.run_validators(value)
        except ValidationError:
            continue
        ids.append(value)
    return ids


class NeedsAttentionFilter(admin.SimpleListFilter):
    title = _("attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("yes", _("needs attention"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=selectors.comments_needing_attention().values("pk"))
        return queryset


class FlagCountFilter(admin.SimpleListFilter):
    title = _("flags")
    parameter_name = "flags"

    def lookups(self, request, model_admin):
        return [("0", _("none")), ("1-2", _("1 or 2")), ("3+", _("3 or more"))]

    def queryset(self, request, queryset):
        return {
            "0": queryset.filter(flag_count=0),
            "1-2": queryset.filter(flag_count__in=[1, 2]),
            "3+": queryset.filter(flag_count__gte=3),
        }.get(self.value(), queryset)


class FlagReasonFilter(admin.SimpleListFilter):
    title = _("flag reason")
    parameter_name = "flag_reason"

    def lookups(self, request, model_admin):
        return ModerationReason.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(flags__reason=self.value()).distinct()
        return queryset


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class FlagInline(ReadOnlyInline):
    model = Flag
    fields = ["reason", "text", "user", "created_at"]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        # Each report names its reporter: read them with the reports, not one query each.
        return super().get_queryset(request).select_related("user")


class ModerationActionInline(ReadOnlyInline):
    model = ModerationAction
    fields = [
        "created_at", "actor_name", "action", "from_status", "to_status", "reason", "details",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("details"))
    def details(self, entry: ModerationAction) -> str:
        return entry.details

    ordering = ["created_at", "id"]


class CommentVersionInline(ReadOnlyInline):
    """Every text the comment had before its author edited it."""

    model = CommentVersion
    fields = ["written_at", "replaced_at", "status", "body"]
    readonly_fields = fields


class CommentAdmin(admin.ModelAdmin):
    change_form_template = "admin/consultations/comment/change_form.html"
    list_display = [
        "excerpt", "status", "flag_count", "appeal_state", "consultation", "section",
        "author_name", "created_at",
    ]  # fmt: skip
    list_filter = [
        NeedsAttentionFilter, "status", "consultation", FlagReasonFilter, FlagCountFilter,
    ]  # fmt: skip
    search_fields = ["body", "author__display_name"]
    list_select_related = ["consultation", "section", "author", "appeal"]
    actions = ["publish_selected", "hide_selected", "reject_selected", "restore_selected"]
    inlines = [FlagInline, ModerationActionInline, CommentVersionInline]
    fields = [
        "consultation", "section", "parent_text", "author_history", "body", "language",
        "status", "moderation_reason", "moderation_note", "appeal_message", "created_at",
    ]  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        attention = selectors.comments_needing_attention().values("pk")
        return Comment.objects.annotate(
            attention=Case(
                When(pk__in=attention, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by(*self.get_ordering(request))

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # In the queue: needing attention first (flagged, hidden after flags, pending,
        # appealed), most flagged first, then oldest. Elsewhere (other admins' choices of a
        # comment) there is no "attention" annotation to order by.
        match = request.resolver_match
        if match and match.url_name == "consultations_comment_changelist":
            return ["attention", "-flag_count", "created_at"]
        return ["-created_at"]

    # Nobody edits or deletes comments here; moderators decide through the actions.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return permissions.can_moderate(request.user)

    @admin.display(description=_("comment"))
    def excerpt(self, comment: Comment) -> str:
        return Truncator(comment.body or "—").chars(80)

    @admin.display(description=_("author"))
    def author_name(self, comment: Comment) -> str:
        return comment.author.display_name if comment.author else _("deleted user")

    @admin.display(description=_("appeal"))
    def appeal_state(self, comment: Comment) -> str:
        appeal = getattr(comment, "appeal", None)
        if appeal is None:
            return ""
        if appeal.decided_at is None:
            return _("waiting")
        return _("upheld") if appeal.upheld else _("refused")

    @admin.display(description=_("in reply to"))
    def parent_text(self, comment: Comment) -> str:
        return comment.parent.body if comment.parent else "—"

    @admin.display(description=_("the author's comments"))
    def author_history(self, comment: Comment) -> str:
        if comment.author is None:
            return _("deleted user")
        counts = (
            Comment.objects.filter(author=comment.author)
            .values("status")
            .annotate(count=Count("id"))
            .order_by("status")
        )
        states = ", ".join(
            f"{Comment.Status(row['status']).label}: {row['count']}" for row in counts
        )
        name = comment.author.display_name
        if not comment.author.is_active:
            name = _("%(name)s (blocked)") % {"name": name}
        return f"{name}: {states}"

    @admin.display(description=_("appeal"))
    def appeal_message(self, comment: Comment) -> str:
        appeal = getattr(comment, "appeal", None)
        return appeal.message if appeal else "—"

    def _to_decision(self, request: HttpRequest, queryset, action: str) -> HttpResponseRedirect:
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True))
        url = reverse("admin:consultations_comment_moderate", kwargs={"action": action})
        return HttpResponseRedirect(f"{url}?ids={ids}")

    @admin.action(description=_("Publish the selected comments"), permissions=["moderate"])
    def publish_selected(self, request, queryset):
        return self._to_decision(request, queryset, ModerationAction.Action.PUBLISH)

    @admin.action(description=_("Hide the selected comments"), permissions=["moderate"])
    def hide_selected(self, request, queryset):
        return self._to_decision(request, queryset, ModerationAction.Action.HIDE)

    @admin.action(description=_("Reject the selected comments"), permissions=["moderate"])
    def reject_selected(self, request, queryset):
        return self._to_decision(request, queryset, ModerationAction.Action.REJECT)

    @admin.action(description=_("Restore the selected comments"), permissions=["moderate"])
    def restore_selected(self, request, queryset):
        return self._to_decision(request, queryset, ModerationAction.Action.RESTORE)

    def get_urls(self):
        return [
            path(
                "moderate/<str:action>/",
                self.admin_site.admin_view(self.decision_view),
                name="consultations_comment_moderate",
            ),
            path(
                "block/<int:user_id>/",
                self.admin_site.admin_view(self.block_view),
                name="consultations_comment_block",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        comment = kwargs.get("obj")
        if comment is not None and self.has_moderate_permission(request):
            context["moderation_actions"] = [
                (action, label)
                for action, label in ACTIONS.items()
                if comment.status in services.TRANSITIONS[action][0]
            ]
        return super().render_change_form(request, context, *args, **kwargs)

    def decision_view(self, request: HttpRequest, action: str) -> HttpResponse:
        """GET shows the comments and asks for a reason; POST decides each of them."""
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        if action not in ACTIONS:
            raise PermissionDenied
        ids = _comment_ids(request.GET.get("ids", ""))
        comments = list(Comment.objects.filter(pk__in=ids).select_related("consultation", "author"))
        needs_reason = services.TRANSITIONS[action][2]
        form = DecisionForm(
            request.POST if request.method == "POST" else None, needs_reason=needs_reason
        )
        if request.method == "POST" and form.is_valid() and comments:
            done = 0
            for comment in comments:
                try:
                    services.comment_moderate(
                        comment=comment,
                        moderator=request.user,
                        action=action,
                        reason=form.cleaned_data["reason"],
                        note=form.cleaned_data["note"],
                    )
                    done += 1
                except ValidationError as error:
                    self.message_user(
                        request, f"#{comment.pk}: {' '.join(error.messages)}", messages.WARNING
                    )
            self.message_user(
                request,
                ngettext("%(count)d comment decided.", "%(count)d comments decided.", done)
                % {"count": done},
                messages.SUCCESS,
            )
            if len(comments) == 1:
                return HttpResponseRedirect(
                    reverse("admin:consultations_comment_change", args=[comments[0].pk])
                )
            return HttpResponseRedirect(reverse("admin:consultations_comment_changelist"))
        return TemplateResponse(
            request,
            "admin/consultations/comment/decision.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": ACTIONS[action],
                "action_label": ACTIONS[action],
                "comments": comments,
                "form": form,
            },
        )

    def block_view(self, request: HttpRequest, user_id: int) -> HttpResponse:
        """GET asks for a reason (and whether to hide their comments); POST blocks the author."""
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        person = get_object_or_404(get_user_model(), pk=user_id, is_staff=False)
        form = BlockForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            hidden = services.user_block(
                user=person,
                moderator=request.user,
                hide_comments=form.cleaned_data["hide_comments"],
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
            self.message_user(
                request,
                ngettext(
                    "%(name)s is blocked; %(count)d comment hidden.",
                    "%(name)s is blocked; %(count)d comments hidden.",
                    hidden,
                )
                % {"name": person.display_name, "count": hidden},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:consultations_comment_changelist"))
        return TemplateResponse(
            request,
            "admin/consultations/comment/block.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Block an account"),
                "person": person,
                "published": Comment.objects.filter(
                    author=person, status=Comment.Status.PUBLISHED
                ).count(),
                "form": form,
            },
        )


class ModerationActionAdmin(admin.ModelAdmin):
    """The log, readable by staff; nobody adds, changes or deletes entries."""

    list_display = [
        "created_at", "actor_name", "action", "comment_link", "from_status", "to_status",
        "reason", "details",
    ]  # fmt: skip
    list_filter = ["action", "reason", "created_at"]
    search_fields = ["actor_name", "note"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("details"))
    def details(self, entry: ModerationAction) -> str:
        return entry.details

    @admin.display(description=_("comment"))
    def comment_link(self, entry: ModerationAction) -> str:
        if entry.comment_id is None:
            return "—"
        url = reverse("admin:consultations_comment_change", args=[entry.comment_id])
        return format_html('<a href="{}">#{}</a>', url, entry.comment_id)


class OfficialResponseAdmin(admin.ModelAdmin):
    form = OfficialResponseForm
    list_display = ["__str__", "consultation", "section", "comment", "created_at"]
    list_filter = ["consultation"]
    raw_id_fields = ["comment"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj: OfficialResponse, form, change: bool) -> None:
        created = services.official_response_create(
            consultation=obj.consultation,
            author=request.user,
            body_sl=obj.body_sl,
            body_en=obj.body_en,
            comment=obj.comment,
            section=obj.section,
        )
        obj.pk = created.pk

    def delete_model(self, request, obj: OfficialResponse) -> None:
        services.official_response_delete(response=obj)

    def delete_queryset(self, request, queryset) -> None:
        for response in queryset:
            services.official_response_delete(response=response)


class AppealAdmin(admin.ModelAdmin):
    """Appeals are decided by moderating their comment; here they are only listed."""

    list_display = ["comment", "message", "created_at", "decided_at", "upheld"]
    list_filter = [("decided_at", admin.EmptyFieldListFilter), "upheld"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Comment, CommentAdmin)
admin.site.register(ModerationAction, ModerationActionAdmin)
admin.site.register(OfficialResponse, OfficialResponseAdmin)
admin.site.register(Appeal, AppealAdmin)
