"""Staff manage accounts: find, block (deactivate), grant staff rights.

Moderators may view accounts (the "Moderators" group has `view_user`) to see who wrote what:
they see display names and each person's comments, never an email address, login data, staff
flags or groups, and cannot search or filter by any of these. Superusers see everything.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import UserChangeForm, UserCreationForm
from .models import User

# What a moderator (staff, not superuser) sees of an account, and may look it up by.
PUBLIC_COLUMNS = ["display_name", "comments", "is_active", "date_joined"]
PUBLIC_FIELDS = ["display_name", "comments", "is_active", "date_joined"]
PUBLIC_LOOKUPS = {"is_active", "display_name"}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ["email", "display_name", "comments", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups"]
    search_fields = ["email", "display_name"]
    ordering = ["email"]
    readonly_fields = ["comments", "last_login", "date_joined", "rules_accepted_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["display_name", "comments"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined", "rules_accepted_at"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "usable_password", "password1", "password2"],
            },
        ),
    ]

    @admin.display(description=_("comments"))
    def comments(self, user: User) -> str:
        """A link to the person's comments in the moderation list (by URL name: accounts
        imports no other app)."""
        if user.pk is None:
            return "—"
        try:
            changelist = reverse("admin:consultations_comment_changelist")
        except NoReverseMatch:
            return "—"
        return format_html(
            '<a href="{}?author__id__exact={}">{}</a>', changelist, user.pk, _("their comments")
        )

    def get_list_display(self, request: HttpRequest) -> list[str]:
        return self.list_display if request.user.is_superuser else PUBLIC_COLUMNS

    def get_list_filter(self, request: HttpRequest) -> list[str]:
        return self.list_filter if request.user.is_superuser else ["is_active"]

    def get_search_fields(self, request: HttpRequest) -> list[str]:
        return self.search_fields if request.user.is_superuser else ["display_name"]

    def get_ordering(self, request: HttpRequest) -> list[str]:
        return self.ordering if request.user.is_superuser else ["display_name"]

    def get_fieldsets(self, request: HttpRequest, obj: User | None = None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return [(None, {"fields": PUBLIC_FIELDS})]

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        if request.user.is_superuser:
            return self.readonly_fields
        return PUBLIC_FIELDS

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        """Superusers may filter by anything the admin allows; others only by the public
        fields (a filter such as ?email__startswith= would reveal addresses by counting)."""
        if request.user.is_superuser:
            return super().lookup_allowed(lookup, value, request)
        return lookup.split("__")[0] in PUBLIC_LOOKUPS and super().lookup_allowed(
            lookup, value, request
        )
