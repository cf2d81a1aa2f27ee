"""Events of participation that other apps act on, sent by the services that cause them."""

from django.dispatch import Signal

# What a consultation's results show has changed (a moderation decision, an official response):
# sent with the changed model as `sender` and the arguments `consultation` and `now`. The
# results app asks for new results files; participation does not import it.
results_changed = Signal()
