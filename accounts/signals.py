"""Events of accounts that other apps act on (accounts imports no other app)."""

from django.dispatch import Signal

# A person's public name changed: sent with `sender=User` and the argument `user`. The pages
# that show the name (participation's cached consultation pages) expire.
display_name_changed = Signal()
