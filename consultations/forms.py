"""Validation of what citizens submit; the rules of taking part live in services.py.

The forms that name a section or a comment resolve it to an object, or leave an error on that
field: the view answers such an error with 404, the answer for an id that does not exist.
Pages render these forms through the shared field templates (templates/includes/form_field.html).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import COMMENT_MAX_LENGTH, Comment, Consultation, Section, Vote

BODY_HELP = _("Up to 5,000 characters. Markdown works: **bold**, *italic*, lists, links.")


class CommentForm(forms.Form):
    """A comment on one section of `consultation`, or on the draft as a whole (no section)."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=BODY_HELP,
        error_messages={"required": _("Write something before you send your comment.")},
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        if "section" in self.fields:
            self.fields["section"].queryset = consultation.sections.all()

    def names_nothing_known(self) -> bool:
        """The posted section or parent is not one of this consultation that the person may
        see (or is no id at all)."""
        return self.has_error("section") or self.has_error("parent")


class ReplyForm(CommentForm):
    """A reply to a comment of `consultation` that `user` may see; it joins its section."""

    body = forms.CharField(
        label=_("Your reply"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=BODY_HELP,
        error_messages={"required": _("Write something before you send your reply.")},
    )
    section = None  # a reply's section is its parent's
    parent = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, consultation: Consultation, user, **kwargs):
        super().__init__(*args, consultation=consultation, **kwargs)
        self.user = user

    def clean_parent(self) -> Comment:
        # The one lookup of a comment id from a request: whatever it cannot find (hidden,
        # pending, another consultation's, nothing) is refused alike.
        parent = selectors.comment_for_action(
            self.consultation, self.cleaned_data["parent"], user=self.user
        )
        if parent is None:
            raise forms.ValidationError(_("This comment can no longer be replied to."))
        return parent

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("parent"):
            cleaned["section"] = cleaned["parent"].section
        return cleaned


class VoteForm(forms.Form):
    """A vote on one section of `consultation`, or on the draft as a whole (no section)."""

    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=[
            (Vote.Choice.AGREE, _("Agree")),
            (Vote.Choice.DISAGREE, _("Disagree")),
            (Vote.Choice.ABSTAIN, _("Abstain")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose agree, disagree or abstain.")},
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = consultation.sections.all()


class SupportForm(forms.Form):
    """Support a comment, or withdraw one's support: the page shows one button or the other."""

    action = forms.ChoiceField(
        choices=[("support", "support"), ("withdraw", "withdraw")], widget=forms.HiddenInput
    )


class CommentEditForm(forms.Form):
    """The corrected text of one's own comment."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=BODY_HELP,
        error_messages={"required": _("Write something before you send your comment.")},
    )
