"""Validation of what citizens submit; the rules of taking part live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, Vote


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
