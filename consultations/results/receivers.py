"""The results app follows what participation and moderation tell it (consultations.signals)."""

from consultations.models import Comment
from consultations.moderation.models import OfficialResponse
from consultations.signals import results_changed

from . import services


def results_follow(sender, *, consultation, now, **kwargs) -> None:
    """What the dossier shows changed: a closed consultation's files (or interim ones) follow."""
    services.dossier_schedule(consultation=consultation, now=now)


for sender in (Comment, OfficialResponse):
    results_changed.connect(results_follow, sender=sender, dispatch_uid=f"results-{sender}")
