"""Validation of what citizens submit; the rules of taking part live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, ModerationReason, Vote


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Up to 5,000 characters. Markdown works: **bold**, *italic*, lists, links."),
        error_messages={"required": _("Write something before you send your comment.")},
    )
    section = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReplyForm(CommentForm):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Up to 5,000 characters. Markdown works: **bold**, *italic*, lists, links."),
        error_messages={"required": _("Write something before you send your reply.")},
    )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=Vote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose agree, disagree or abstain.")},
    )
    section = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SupportForm(forms.Form):
    action = forms.ChoiceField(choices=[("support", "support"), ("withdraw", "withdraw")])


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
