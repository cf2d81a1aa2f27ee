"""Events of participation that other apps act on, sent by the services that cause them."""

from django.dispatch import Signal

# What a consultation's results show has changed (a moderation decision, an official response):
# sent with the changed model as `sender` and the arguments `consultation` and `now`. The
# results app asks for new results files; participation does not import it.
results_changed = Signal()

# A citizen took part in a consultation (commented, replied or voted): sent with the model as
# `sender` and the arguments `user`, `consultation` and `language`. Notifications start
# following it for them; participation does not import notifications.
took_part = Signal()

# A comment became public (at once under post-moderation, or when a moderator publishes it):
# sent with `sender=Comment` and the arguments `comment` and `now`. Notifications tell the
# author of the comment it replies to.
comment_published = Signal()
