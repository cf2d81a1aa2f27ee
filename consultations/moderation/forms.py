"""Forms of moderation: a citizen's report and appeal on the site, a moderator's decisions and
official responses in the admin. The rules themselves live in services.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consultations.models import ModerationReason

from . import services
from .models import OfficialResponse


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=ModerationReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    text = forms.CharField(
        label=_("Details"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you choose “other”. Up to 500 characters."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == ModerationReason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Tell us what is wrong with this comment."))
        return cleaned


class AppealForm(forms.Form):
    message = forms.CharField(
        label=_("Why should the comment be restored?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Up to 1,000 characters. You can ask for a review only once."),
        error_messages={"required": _("Tell the moderators why the comment should be restored.")},
    )


class DecisionForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "—"), *ModerationReason.choices],
        required=False,
        help_text=_("Required to hide or reject; the author is told it."),
    )
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; sent to the author with the decision and kept in the log."),
    )

    def __init__(self, *args, needs_reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = needs_reason


class BlockForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ModerationReason.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    hide_comments = forms.BooleanField(
        label=_("Also hide every published comment of this person"), required=False
    )


class OfficialResponseForm(forms.ModelForm):
    class Meta:
        model = OfficialResponse
        fields = ["consultation", "section", "comment", "body_sl", "body_en"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consultation"):
            try:
                services.official_response_targets_check(
                    consultation=cleaned["consultation"],
                    comment=cleaned.get("comment"),
                    section=cleaned.get("section"),
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned
