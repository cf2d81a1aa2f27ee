"""The moderation queue in the admin: comments needing attention first, decisions with reasons.

Moderators see and decide; nobody edits a comment's text or deletes a comment or a log entry
here. Comments are participation's model; their admin is the moderation queue, so it lives here.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Subquery, Value, When
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.models import Comment, CommentVersion, ModerationReason, Section

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
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("yes", _("yes"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=selectors.comments_needing_attention().values("pk"))
        return queryset


class QueueFilter(admin.SimpleListFilter):
    """The overview's queues: each lists its comments oldest first."""

    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("pending", _("awaiting moderation")),
            ("flagged", _("reported, still published")),
            ("auto_hidden", _("hidden automatically after reports")),
            ("appealed", _("review requested")),
        ]

    def queryset(self, request, queryset):
        queues = QUEUES
        if self.value() in queues:
            return queryset.filter(queues[self.value()])
        return queryset


QUEUES = selectors.QUEUES


class FlagCountFilter(admin.SimpleListFilter):
    title = _("number of reports")
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
    title = _("reason for reporting")
    parameter_name = "flag_reason"

    def lookups(self, request, model_admin):
        return ModerationReason.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(flags__reason=self.value()).distinct()
        return queryset


class ConsultationListFilter(admin.RelatedFieldListFilter):
    """The consultation filter, headed in the reader's language (the field has no label)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("consultation")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class FlagInline(ReadOnlyInline):
    model = Flag
    fields = ["reason", "text", "reporter", "created_at"]
    readonly_fields = fields

    @admin.display(description=_("reported by"))
    def reporter(self, flag: Flag) -> str:
        return flag.user.display_name if flag.user else _("deleted user")

    def get_queryset(self, request: HttpRequest):
        # Each report names its reporter: read them with the reports, not one query each.
        return super().get_queryset(request).select_related("user")


def _status_label(value: str) -> str:
    """A state as the log stored it ("hidden"), worded in the reader's language."""
    if not value:
        return "—"
    try:
        return str(Comment.Status(value).label)
    except ValueError:
        return value


def _local_time(value) -> str:
    """A time in the portal's time zone, as the admin's other times are shown."""
    if value is None:
        return "—"
    from django.utils.formats import localize

    return localize(timezone.localtime(value))


class ModerationActionInline(ReadOnlyInline):
    model = ModerationAction
    fields = ["created_at", "actor_shown", "action", "change", "reason", "details"]
    readonly_fields = fields

    @admin.display(description=_("by"))
    def actor_shown(self, entry: ModerationAction) -> str:
        return entry.actor_label

    @admin.display(description=_("change of state"))
    def change(self, entry: ModerationAction) -> str:
        if not entry.from_status and not entry.to_status:
            return "—"
        return f"{_status_label(entry.from_status)} → {_status_label(entry.to_status)}"

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
    list_display = ["excerpt", "where", "author_with_history", "flags_by_reason", "state", "age"]
    list_display_links = ["excerpt"]
    list_filter = [
        QueueFilter, NeedsAttentionFilter, "status", ("consultation", ConsultationListFilter),
        FlagReasonFilter, FlagCountFilter,
    ]  # fmt: skip
    search_fields = ["body", "author__display_name"]
    list_select_related = ["consultation", "section", "author", "appeal"]
    list_per_page = 50
    actions = ["publish_selected", "hide_selected", "reject_selected", "restore_selected"]
    inlines = [FlagInline, ModerationActionInline, CommentVersionInline]
    fields = [
        "consultation_name", "section_name", "parent_text", "author_history", "rendered_body",
        "language",
        "state", "moderation_reason", "moderation_note", "appeal_message", "created_at",
    ]  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        attention = selectors.comments_needing_attention().values("pk")
        by_author = Comment.objects.filter(author=OuterRef("author")).order_by().values("author")
        queryset = Comment.objects.annotate(
            attention=Case(
                When(pk__in=attention, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            author_total=Subquery(by_author.annotate(n=Count("id")).values("n")),
            author_removed=Subquery(
                by_author.filter(status__in=[Comment.Status.HIDDEN, Comment.Status.REJECTED])
                .annotate(n=Count("id"))
                .values("n")
            ),
        ).order_by(*self.get_ordering(request))
        match = request.resolver_match
        if match and match.url_name == "consultations_comment_changelist":
            # The queue shows each comment's reports by reason: all of them in one query.
            queryset = queryset.prefetch_related(
                Prefetch("flags", queryset=Flag.objects.only("comment", "reason"))
            )
        return queryset

    def get_ordering(self, request: HttpRequest) -> list[str]:
        # In the queue: needing attention first (flagged, hidden after flags, pending,
        # appealed), most flagged first, then oldest; a queue of the overview oldest first.
        # Elsewhere (other admins' choices of a comment) there is no "attention" to order by.
        match = request.resolver_match
        if match and match.url_name == "consultations_comment_changelist":
            if request.GET.get(QueueFilter.parameter_name) in QUEUES:
                return ["created_at", "id"]
            return ["attention", "-flag_count", "created_at"]
        return ["-created_at"]

    def lookup_allowed(self, lookup: str, value, request=None) -> bool:
        # The author's history links to their comments.
        if lookup == "author__id__exact":
            return True
        return super().lookup_allowed(lookup, value, request)

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
        return Truncator(comment.plain_text or "—").chars(120)

    @admin.display(description=_("consultation and section"))
    def where(self, comment: Comment) -> str:
        section = str(comment.section) if comment.section_id else _("the draft as a whole")
        return format_html('{}<br><span class="quiet">{}</span>', comment.consultation, section)

    @admin.display(description=_("author"))
    def author_with_history(self, comment: Comment) -> str:
        if comment.author is None:
            return _("deleted user")
        total = getattr(comment, "author_total", None) or 0
        removed = getattr(comment, "author_removed", None) or 0
        history = ngettext(
            "%(count)d comment, %(removed)d hidden or rejected",
            "%(count)d comments, %(removed)d hidden or rejected",
            total,
        ) % {"count": total, "removed": removed}
        name = comment.author.display_name
        if not comment.author.is_active:
            name = _("%(name)s (blocked)") % {"name": name}
        url = reverse("admin:consultations_comment_changelist")
        return format_html(
            '{}<br><a href="{}?author__id__exact={}" class="quiet">{}</a>',
            name,
            url,
            comment.author_id,
            history,
        )

    @admin.display(description=_("reports"))
    def flags_by_reason(self, comment: Comment) -> str:
        counts: dict[str, int] = {}
        for flag in comment.flags.all():
            counts[flag.reason] = counts.get(flag.reason, 0) + 1
        if not counts:
            return "—"
        labels = dict(ModerationReason.choices)
        return format_html(
            "{}",
            ", ".join(f"{labels.get(reason, reason)}: {count}" for reason, count in counts.items()),
        )

    @admin.display(description=_("state"))
    def state(self, comment: Comment) -> str:
        label = (
            _("hidden automatically after reports")
            if permissions.is_auto_hidden(comment)
            else comment.get_status_display()
        )
        appeal = getattr(comment, "appeal", None)
        if appeal is None:
            return label
        if appeal.decided_at is None:
            appeal_label = _("review requested")
        else:
            appeal_label = _("review: restored") if appeal.upheld else _("review: refused")
        return format_html('{}<br><span class="quiet">{}</span>', label, appeal_label)

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, comment: Comment) -> str:
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            comment.created_at.isoformat(timespec="seconds"),
            _local_time(comment.created_at),
            timesince(comment.created_at),
        )

    @admin.display(description=_("comment"))
    def rendered_body(self, comment: Comment) -> str:
        return (
            format_html(
                '<div class="comment-body">{}</div>',
                mark_safe(comment.body_html),  # noqa: S308
            )
            if comment.body_html
            else (comment.body or "—")
        )

    @admin.display(description=_("consultation"))
    def consultation_name(self, comment: Comment) -> str:
        return str(comment.consultation)

    @admin.display(description=_("section"))
    def section_name(self, comment: Comment) -> str:
        return str(comment.section) if comment.section_id else _("the draft as a whole")

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
                (action, self._action_label(comment, action))
                for action in permissions.decisions_allowed(comment)
            ]
            context["is_auto_hidden"] = permissions.is_auto_hidden(comment)
        if comment is not None and request.user.has_perm("moderation.add_officialresponse"):
            context["respond_url"] = (
                f"{reverse('admin:moderation_officialresponse_add')}?comment={comment.pk}"
            )
        return super().render_change_form(request, context, *args, **kwargs)

    @staticmethod
    def _action_label(comment: Comment, action: str) -> str:
        if action == ModerationAction.Action.HIDE and comment.status == Comment.Status.HIDDEN:
            appeal = getattr(comment, "appeal", None)
            if appeal is not None and appeal.decided_at is None:
                return _("Keep hidden (refuse the review)")
            return _("Confirm the hiding")
        return ACTIONS[action]

    def decision_view(self, request: HttpRequest, action: str) -> HttpResponse:
        """GET shows the comments and asks for a reason; POST decides each of them that the
        decision applies to, and reports the others as skipped."""
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        if action not in ACTIONS:
            raise PermissionDenied
        ids = _comment_ids(request.GET.get("ids", ""))
        chosen = list(
            Comment.objects.filter(pk__in=ids)
            .select_related("consultation", "section", "author", "appeal")
            .order_by("created_at", "id")
        )
        comments = [c for c in chosen if action in permissions.decisions_allowed(c)]
        skipped = [c for c in chosen if c not in comments]
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
                    skipped.append(comment)
                    self.message_user(
                        request,
                        _("Comment #%(id)s: %(error)s")
                        % {"id": comment.pk, "error": " ".join(error.messages)},
                        messages.WARNING,
                    )
            self.message_user(
                request,
                ngettext("%(count)d comment decided.", "%(count)d comments decided.", done)
                % {"count": done},
                messages.SUCCESS,
            )
            if skipped:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d comment skipped, its state does not allow this decision: "
                        "%(ids)s.",
                        "%(count)d comments skipped, their state does not allow this "
                        "decision: %(ids)s.",
                        len(skipped),
                    )
                    % {"count": len(skipped), "ids": ", ".join(f"#{c.pk}" for c in skipped)},
                    messages.WARNING,
                )
            if len(chosen) == 1:
                return HttpResponseRedirect(
                    reverse("admin:consultations_comment_change", args=[chosen[0].pk])
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
                "skipped": skipped,
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
        "created_at", "actor_shown", "action", "comment_link", "change", "reason", "details",
    ]  # fmt: skip
    list_filter = ["action", "reason", "created_at"]
    search_fields = ["actor_name", "note"]
    fields = [
        "created_at", "actor_shown", "action", "comment_link", "change", "reason", "details",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("by"), ordering="actor_name")
    def actor_shown(self, entry: ModerationAction) -> str:
        return entry.actor_label

    @admin.display(description=_("change of state"))
    def change(self, entry: ModerationAction) -> str:
        return ModerationActionInline.change(None, entry)

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
    """Responses are written from where they are needed: "Respond officially" on a comment or a
    section opens this form bound to it; both languages side by side."""

    form = OfficialResponseForm
    list_display = ["__str__", "consultation_name", "answers", "created_at"]
    list_filter = [("consultation", ConsultationListFilter)]
    list_select_related = ["consultation", "section"]
    add_form_template = "admin/moderation/officialresponse/change_form.html"

    @admin.display(description=_("consultation"))
    def consultation_name(self, response: OfficialResponse) -> str:
        return str(response.consultation)

    @admin.display(description=_("in response to"))
    def answers(self, response: OfficialResponse) -> str:
        if response.comment_id:
            url = reverse("admin:consultations_comment_change", args=[response.comment_id])
            return format_html(
                '<a href="{}">{}</a>', url, _("comment #%(id)s") % {"id": response.comment_id}
            )
        if response.section_id:
            return str(response.section)
        return _("the draft as a whole")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # responses are read, not changed, once written
            return ["consultation_name", "answers", "body_sl", "body_en", "created_at"]
        return []

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return [
                (None, {"fields": ["consultation_name", "answers", "created_at"]}),
                (_("Response"), {"fields": [("body_sl", "body_en")]}),
            ]
        return [
            (None, {"fields": ["consultation", "section", "comment"]}),
            (_("Response"), {"fields": [("body_sl", "body_en")]}),
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        target = self._target(request)

        class BoundResponseForm(form_class):
            def __init__(self, *args, **kwargs):
                kwargs.setdefault("target", target)
                super().__init__(*args, **kwargs)

        return BoundResponseForm

    @staticmethod
    def _target(request: HttpRequest) -> Comment | Section | None:
        """The comment or section the form was opened for (?comment= or ?section=)."""
        for key, model in (("comment", Comment), ("section", Section)):
            value = request.GET.get(key, "")
            if value.isdecimal():
                found = model.objects.select_related("consultation").filter(pk=value).first()
                if found is not None:
                    return found
        return None

    def get_changeform_initial_data(self, request):
        target = self._target(request)
        if isinstance(target, Comment):
            return {"consultation": target.consultation_id, "comment": target.pk}
        if isinstance(target, Section):
            return {"consultation": target.consultation_id, "section": target.pk}
        return {}

    def render_change_form(self, request, context, *args, **kwargs):
        target = self._target(request)
        context["target"] = target
        context["target_is_comment"] = isinstance(target, Comment)
        return super().render_change_form(request, context, *args, **kwargs)

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

    list_display = ["comment_link", "message", "created_at", "decided_at", "outcome"]
    list_filter = [("decided_at", admin.EmptyFieldListFilter), "upheld"]
    list_select_related = ["comment"]
    fields = ["comment_link", "message", "created_at", "decided_at", "outcome"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("comment"))
    def comment_link(self, appeal: Appeal) -> str:
        url = reverse("admin:consultations_comment_change", args=[appeal.comment_id])
        return format_html(
            '<a href="{}">{}</a>', url, _("comment #%(id)s") % {"id": appeal.comment_id}
        )

    @admin.display(description=_("outcome"))
    def outcome(self, appeal: Appeal) -> str:
        if appeal.decided_at is None:
            return _("waiting")
        return _("comment restored") if appeal.upheld else _("refused")


# The admin is INePA's, in the language of its staff.
admin.site.site_header = _("INePA administration")
admin.site.site_title = _("INePA administration")
admin.site.index_title = _("Moderation and content")

admin.site.register(Comment, CommentAdmin)
admin.site.register(ModerationAction, ModerationActionAdmin)
admin.site.register(OfficialResponse, OfficialResponseAdmin)
admin.site.register(Appeal, AppealAdmin)
