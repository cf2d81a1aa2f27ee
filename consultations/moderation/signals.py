"""Events of moderation that other apps act on, sent by the services that cause them."""

from django.dispatch import Signal

# Something happened to a comment that its author is told of: sent with `sender=Comment` and
# the arguments `comment`, `event` ("hidden", "rejected", "restored", "appeal_upheld",
# "appeal_refused" or "official_response") and `now`. Notifications record it and deliver the
# email (consultations.moderation.notices words it).
author_event = Signal()

# Staff published an official response: sent with `sender=OfficialResponse` and the arguments
# `response` and `now`. Notifications tell those who commented on its section.
official_response_published = Signal()
