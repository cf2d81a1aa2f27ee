"""Forms of moderation: a citizen's report and appeal on the site, a moderator's decisions and
official responses in the admin. The rules themselves live in services.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from consultations.models import Comment, ModerationReason, Section

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
    """An official response, bound to a comment or a section when opened from one (`target`);
    a section is chosen among its consultation's sections only."""

    class Meta:
        model = OfficialResponse
        fields = ["consultation", "section", "comment", "body_sl", "body_en"]
        widgets = {
            "body_sl": forms.Textarea(attrs={"rows": 10, "lang": "sl"}),
            "body_en": forms.Textarea(attrs={"rows": 10, "lang": "en"}),
        }

    def __init__(self, *args, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        # The model's links have no labels of their own: name them in the reader's language.
        labels = {
            "consultation": _("consultation"),
            "section": _("section"),
            "comment": _("comment"),
        }
        for name, label in labels.items():
            if name in self.fields:
                self.fields[name].label = capfirst(label)
        section = self.fields.get("section")
        comment = self.fields.get("comment")
        consultation = self.fields.get("consultation")
        if target is not None and consultation is not None:
            consultation.queryset = consultation.queryset.filter(pk=target.consultation_id)
            consultation.disabled = True
            consultation.initial = target.consultation_id
        if target is not None and isinstance(target, Section):
            section.queryset = Section.objects.filter(consultation=target.consultation_id)
            section.initial = target.pk
            comment.queryset = Comment.objects.none()
            comment.disabled = True
            comment.widget = forms.HiddenInput()  # a response answers a comment or a section
        elif target is not None:  # a comment
            comment.queryset = Comment.objects.filter(pk=target.pk)
            comment.initial = target.pk
            comment.disabled = True
            comment.label_from_instance = lambda c: _("comment #%(id)s") % {"id": c.pk}
            section.queryset = Section.objects.none()
            section.disabled = True
            section.widget = forms.HiddenInput()
        elif section is not None:
            # Sections grouped under their consultation, so that one is never taken for another.
            groups: dict[str, list] = {}
            for item in Section.objects.select_related("consultation").order_by(
                "consultation_id", "position", "id"
            ):
                groups.setdefault(str(item.consultation), []).append((item.pk, str(item)))
            section.choices = [("", "---------"), *groups.items()]
        if comment is not None and not comment.disabled:
            comment.widget = forms.NumberInput()
            comment.help_text = _(
                "Easier: open the comment in the queue and choose “Respond officially”."
            )

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
