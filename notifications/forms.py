from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Kind


class DeliverySettingsForm(forms.Form):
    """One choice per kind of event: at once, in the daily digest, or off."""

    def __init__(self, *args, initial_choices: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=initial_choices[kind.value],
                widget=forms.RadioSelect,
            )


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to confirm it. No account is made."),
    )
