"""The index follows every save of what it indexes, once the write is committed.

A receiver per named model (never one for all models): the services that write (publishing
an article or a consultation, a moderation decision, a comment submitted or removed) save
these rows, and the apps they live in need not know that search exists. Deletions need no
receiver: the database deletes the documents (backends.TARGETS).
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save

from .services import INDEXED, item_reindex

# Saves that change nothing the index holds.
IGNORED_FIELDS = frozenset({"flag_count"})


def item_saved(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= IGNORED_FIELDS:
        return
    transaction.on_commit(partial(item_reindex, model=sender, pk=instance.pk))


for model in INDEXED:
    post_save.connect(item_saved, sender=model, dispatch_uid=f"search-{model._meta.label}")
