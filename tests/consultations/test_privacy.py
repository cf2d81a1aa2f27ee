"""Could leak, doesn't: no action on a comment shows, or tells apart, a comment nobody may read.

Every address that takes a comment id (reply, support, remove, report, appeal, and the error
pages each of them shows) is asked about a hidden, a rejected, a pending comment and one of
another consultation, by a citizen, a moderator and a visitor, on an open and on a closed
consultation. None of the texts may appear, and each answer must be the one given for an id
that does not exist (same status, same page), with nothing recorded.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.models import Comment, CommentSupport, Consultation, ModerationMode
from consultations.moderation import services as moderation
from consultations.moderation.models import Appeal, Flag, ModerationAction
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

SECRETS = {
    "hidden": "Hidden-secret: Trubarjeva 7, EMŠO 0101990500123.",
    "rejected": "Rejected-secret: the neighbour's phone is 041 555 0199.",
    "pending": "Pending-secret: waiting for a moderator, unseen by anyone.",
    "elsewhere": "Elsewhere-secret: hidden in another consultation.",
}
PUBLISHED = "Published for everyone: schools should publish waiting times."

# name: (method, path after the consultation's address, form data)
ENDPOINTS = {
    "reply-empty": ("post", "comments/", lambda pk: {"parent": pk, "body": ""}),
    "reply": ("post", "comments/", lambda pk: {"parent": pk, "body": "I agree with this."}),
    "support": ("post", "comments/{pk}/support/", lambda pk: {"action": "support"}),
    "support-withdraw": ("post", "comments/{pk}/support/", lambda pk: {"action": "withdraw"}),
    "remove-confirm": ("get", "comments/{pk}/remove/", None),
    "remove": ("post", "comments/{pk}/remove/", lambda pk: {}),
    "report-form": ("get", "comments/{pk}/flag/", None),
    "report-invalid": ("post", "comments/{pk}/flag/", lambda pk: {"text": "no reason chosen"}),
    "report": ("post", "comments/{pk}/flag/", lambda pk: {"reason": "personal_data"}),
    "appeal-form": ("get", "comments/{pk}/appeal/", None),
    "appeal-invalid": ("post", "comments/{pk}/appeal/", lambda pk: {"message": ""}),
    "appeal": ("post", "comments/{pk}/appeal/", lambda pk: {"message": "Please look again."}),
}
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
ASKED_ID = re.compile(r"(comments/|comments%2F|comment-)[0-9]+")


@dataclass
class World:
    consultation: Consultation
    comments: dict[str, Comment]
    published: Comment


def _world(window: str) -> World:
    """A pre-moderated consultation with one comment in each state nobody may read, one
    published comment, and a published comment of another consultation."""
    staff = StaffFactory()
    consultation = ConsultationFactory(
        moderation_mode=ModerationMode.PRE, opens_at=timezone.now() - timedelta(days=10)
    )
    section = SectionFactory(consultation=consultation)

    author = CitizenFactory()  # one author for all: the people asking are others

    def approved(body: str) -> Comment:
        comment = CommentFactory(
            consultation=consultation, section=section, author=author, body=body
        )
        return moderation.comment_moderate(comment=comment, moderator=staff, action="publish")

    published = approved(PUBLISHED)
    hidden = moderation.comment_moderate(
        comment=approved(SECRETS["hidden"]),
        moderator=staff,
        action="hide",
        reason="personal_data",
    )
    rejected = moderation.comment_moderate(
        comment=CommentFactory(consultation=consultation, author=author, body=SECRETS["rejected"]),
        moderator=staff,
        action="reject",
        reason="abuse",
    )
    pending = CommentFactory(
        consultation=consultation, section=section, author=author, body=SECRETS["pending"]
    )
    elsewhere = CommentFactory(
        consultation=ConsultationFactory(), author=author, body=SECRETS["elsewhere"]
    )
    if window == "closed":
        Consultation.objects.filter(pk=consultation.pk).update(
            closes_at=timezone.now() - timedelta(days=1)
        )
        consultation.refresh_from_db()
    return World(
        consultation=consultation,
        comments={
            "hidden": hidden,
            "rejected": rejected,
            "pending": pending,
            "elsewhere": elsewhere,
        },
        published=published,
    )


def _sign_in(client, actor: str) -> None:
    if actor == "citizen":
        client.force_login(CitizenFactory())
    elif actor == "moderator":
        person = CitizenFactory(is_staff=True)
        person.groups.add(Group.objects.get(name="Moderators"))
        client.force_login(person)


def _ask(client, consultation: Consultation, endpoint: str, pk: int):
    method, path, data = ENDPOINTS[endpoint]
    url = f"/en/consultations/{consultation.slug_en}/{path.format(pk=pk)}"
    if method == "get":
        return client.get(url)
    return client.post(url, data(pk))


def _seen(response) -> tuple[int, str]:
    """What a person sees: the status and the page (or where it sends them), with the asked
    id in addresses and the per-request CSRF token left out."""
    if response.status_code in (301, 302):
        shown = response["Location"]
    else:
        shown = CSRF_TOKEN.sub("csrf", response.content.decode())
    return response.status_code, ASKED_ID.sub(r"\1<id>", shown)


def _recorded() -> dict:
    return {
        "comments": list(Comment.objects.values_list("pk", "status", "body").order_by("pk")),
        "supports": CommentSupport.objects.count(),
        "flags": Flag.objects.count(),
        "appeals": Appeal.objects.count(),
        "log": ModerationAction.objects.count(),
    }


@pytest.mark.parametrize("window", ["open", "closed"])
@pytest.mark.parametrize("actor", ["citizen", "moderator", "visitor"])
@pytest.mark.parametrize("kind", list(SECRETS))
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_no_comment_action_reveals_or_tells_apart_a_comment_nobody_may_read(
    client, endpoint, kind, actor, window
):
    world = _world(window)
    _sign_in(client, actor)
    target = world.comments[kind]
    missing = Comment.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1000
    before = _recorded()

    answer = _ask(client, world.consultation, endpoint, target.pk)
    not_there = _ask(client, world.consultation, endpoint, missing)

    body = answer.content.decode()
    for secret in SECRETS.values():
        assert secret not in body
    assert _seen(answer) == _seen(not_there)
    assert _recorded() == before


@pytest.mark.parametrize("window", ["open", "closed"])
def test_a_published_comment_is_quoted_on_the_reply_error_page(client, window):
    """The check above can see a quoted text: a published one is shown where it belongs."""
    world = _world(window)
    _sign_in(client, "citizen")

    answer = _ask(client, world.consultation, "reply-empty", world.published.pk)

    assert answer.status_code == 400
    assert PUBLISHED in answer.content.decode()
    assert "Your comment was not published" in answer.content.decode()


def test_a_visitor_is_sent_to_sign_in_only_for_a_comment_anyone_may_read(client):
    world = _world("open")

    published = _ask(client, world.consultation, "reply", world.published.pk)
    hidden = _ask(client, world.consultation, "reply", world.comments["hidden"].pk)

    assert published.status_code == 302
    assert published["Location"].startswith("/en/accounts/login/")
    assert hidden.status_code == 404


def test_the_author_still_asks_for_a_review_of_their_hidden_comment(client):
    world = _world("open")
    hidden = world.comments["hidden"]
    client.force_login(hidden.author)

    page = client.get(
        f"/en/consultations/{world.consultation.slug_en}/comments/{hidden.pk}/appeal/"
    )

    assert page.status_code == 200
    assert SECRETS["hidden"] in page.content.decode()  # their own text, to them alone
    assert "Ask for a review" in page.content.decode()
