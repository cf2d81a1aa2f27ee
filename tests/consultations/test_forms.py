"""Citizens' forms are rendered from their Form classes: what the page says about a field (its
label, help, limit, errors) is what the Form declares, and the section or comment a post names
is resolved by the form, refused alike whatever it is that nobody may use."""

from collections import Counter

import pytest
from bleach._vendor import html5lib
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import override

from consultations.forms import CommentForm, ReplyForm
from consultations.models import COMMENT_MAX_LENGTH, Comment, Vote
from consultations.moderation import services as moderation
from tests.consultations.factories import CommentFactory, ConsultationFactory, SectionFactory
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db

with override("en"):
    HELP = str(CommentForm.base_fields["body"].help_text)
    COMMENT_LABEL = str(CommentForm.base_fields["body"].label)
    REPLY_LABEL = str(ReplyForm.base_fields["body"].label)


@pytest.fixture
def draft():
    consultation = ConsultationFactory(title_en="Guidelines for involving NGOs")
    SectionFactory(consultation=consultation, position=1, heading_en="Purpose")
    SectionFactory(consultation=consultation, position=2, heading_en="Principles")
    return consultation


@pytest.fixture
def citizen(client):
    person = CitizenFactory(display_name="Maja K.")
    client.force_login(person)
    return person


def _url(consultation) -> str:
    return f"/en/consultations/{consultation.slug_en}/"


def _page(html: str):
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _by_id(root) -> dict:
    return {element.get("id"): element for element in root.iter() if element.get("id")}


def _hidden(root) -> dict[str, str]:
    return {i.get("name"): i.get("value") for i in root.iter("input") if i.get("type") == "hidden"}


def _field(root, textarea) -> dict:
    """What a person (and their screen reader) learns about a text box."""
    ids = _by_id(root)
    labels = [label for label in root.iter("label") if label.get("for") == textarea.get("id")]
    described = [ids[name] for name in (textarea.get("aria-describedby") or "").split()]
    return {
        "label": [_text(label) for label in labels],
        "described by": [_text(element) for element in described],
        "maxlength": textarea.get("maxlength"),
        "required": textarea.get("required") is not None,
        "invalid": textarea.get("aria-invalid"),
        "text": "".join(textarea.itertext()),
    }


def test_a_rejected_comment_keeps_the_text_and_shows_the_forms_own_help_and_limit(
    client, citizen, draft
):
    purpose = draft.sections.get(position=1)
    text = "A long thought. " * 400

    response = client.post(f"{_url(draft)}comments/", {"body": text, "section": purpose.pk})

    assert response.status_code == 400
    root = _page(response.text)
    (textarea,) = root.iter("textarea")
    limit_error = (
        f"Ensure this value has at most {COMMENT_MAX_LENGTH} characters"
        f" (it has {len(text.strip())})."
    )
    assert _field(root, textarea) == {
        "label": [COMMENT_LABEL],
        "described by": [HELP, limit_error],
        "maxlength": str(COMMENT_MAX_LENGTH),
        "required": True,
        "invalid": "true",
        "text": text,
    }
    assert _hidden(root)["section"] == str(purpose.pk)  # sent again to the same section
    assert Comment.objects.count() == 0


def test_a_rejected_reply_keeps_the_text_and_its_parent(client, citizen, draft):
    parent = CommentFactory(consultation=draft, body="What about rural areas?")

    response = client.post(f"{_url(draft)}comments/", {"body": "   ", "parent": parent.pk})

    assert response.status_code == 400
    root = _page(response.text)
    (textarea,) = root.iter("textarea")
    assert _field(root, textarea) == {
        "label": [REPLY_LABEL],
        "described by": [HELP, "Write something before you send your reply."],
        "maxlength": str(COMMENT_MAX_LENGTH),
        "required": True,
        "invalid": "true",
        "text": "   ",
    }
    assert _hidden(root)["parent"] == str(parent.pk)
    assert "What about rural areas?" in response.text


def test_the_page_renders_every_comment_box_as_its_form_defines_it(client, citizen, draft):
    purpose = draft.sections.get(position=1)
    first = CommentFactory(consultation=draft, section=purpose, body="First thread.")
    second = CommentFactory(consultation=draft, body="Second thread.")
    CommentFactory(consultation=draft, section=purpose, parent=first, body="A reply.")

    root = _page(client.get(_url(draft)).text)

    fields = {textarea.get("id"): _field(root, textarea) for textarea in root.iter("textarea")}
    comment_box = {"maxlength": str(COMMENT_MAX_LENGTH), "required": True, "invalid": None,
                   "text": "", "described by": [HELP]}  # fmt: skip
    assert fields == {
        f"{purpose.anchor}-body": {**comment_box, "label": ["Comment on this section"]},
        f"reply-{first.pk}-body": {**comment_box, "label": [REPLY_LABEL]},
        f"section-{draft.sections.get(position=2).pk}-body": {
            **comment_box,
            "label": ["Comment on this section"],
        },
        "draft-body": {**comment_box, "label": ["Comment on the draft as a whole"]},
        f"reply-{second.pk}-body": {**comment_box, "label": [REPLY_LABEL]},
    }
    rows = Counter(textarea.get("rows") for textarea in root.iter("textarea"))
    assert rows == {"5": 3, "3": 2}  # as CommentForm and ReplyForm size them


def test_no_id_repeats_on_a_page_of_many_threads_and_every_reference_finds_its_element(
    client, citizen, draft
):
    for section in [None, *draft.sections.all()]:
        for _ in range(3):
            parent = CommentFactory(consultation=draft, section=section)
            CommentFactory(consultation=draft, section=section, parent=parent)

    root = _page(client.get(_url(draft)).text)

    ids = Counter(element.get("id") for element in root.iter() if element.get("id"))
    assert [name for name, count in ids.items() if count > 1] == []
    references = [label.get("for") for label in root.iter("label")] + [
        name for element in root.iter() for name in (element.get("aria-describedby") or "").split()
    ]
    assert [name for name in references if name not in ids] == []
    assert sum(1 for textarea in root.iter("textarea")) == 3 + 9  # a box a target, one a thread


def test_the_vote_form_marks_the_citizens_vote_and_names_its_target(client, citizen, draft):
    purpose = draft.sections.get(position=1)
    client.post(f"{_url(draft)}vote/", {"choice": "disagree", "section": purpose.pk})

    root = _page(client.get(_url(draft)).text)

    (form,) = [
        form
        for form in root.iter("form")
        if form.get("class") == "vote-form"
        and {"name": "section", "value": str(purpose.pk)}.items()
        <= next(i for i in form.iter("input") if i.get("name") == "section").attrib.items()
    ]
    radios = [i for i in form.iter("input") if i.get("type") == "radio"]
    labels = {label.get("for"): _text(label) for label in form.iter("label")}
    assert [(labels[r.get("id")], r.get("checked") is not None) for r in radios] == [
        ("Agree", False),
        ("Disagree", True),
        ("Abstain", False),
    ]
    assert Vote.objects.get().section == purpose


# Refused exactly as before: a section or comment nobody may use is a 404, the same page as for
# an id that names nothing, for citizens and (before being asked to sign in) visitors alike.


def _elsewhere(draft, kind: str) -> dict:
    other = ConsultationFactory()
    if kind == "section of another consultation":
        return {"section": SectionFactory(consultation=other).pk}
    if kind == "section that does not exist":
        return {"section": 2_000_000_000}
    if kind == "reply to another consultation's comment":
        return {"parent": CommentFactory(consultation=other).pk}
    if kind == "reply to a hidden comment":
        comment = CommentFactory(consultation=draft)
        moderation.comment_moderate(
            comment=comment, moderator=StaffFactory(), action="hide", reason="spam"
        )
        return {"parent": comment.pk}
    return {"parent": 2_000_000_000}


TARGETS = [
    "section of another consultation",
    "section that does not exist",
    "reply to another consultation's comment",
    "reply to a hidden comment",
    "reply to a comment that does not exist",
]


@pytest.mark.parametrize("who", ["citizen", "visitor"])
@pytest.mark.parametrize("kind", TARGETS)
def test_a_comment_on_something_nobody_may_use_is_404(client, draft, kind, who):
    if who == "citizen":
        client.force_login(CitizenFactory())
    data = {"body": "Hello.", **_elsewhere(draft, kind)}
    before = Comment.objects.count()

    response = client.post(f"{_url(draft)}comments/", data)

    assert response.status_code == 404
    assert '<meta name="robots" content="noindex">' in response.text  # our 404 page
    assert Comment.objects.count() == before


def test_a_vote_on_another_consultations_section_is_404(client, citizen, draft):
    elsewhere = SectionFactory(consultation=ConsultationFactory())

    response = client.post(f"{_url(draft)}vote/", {"choice": "agree", "section": elsewhere.pk})

    assert response.status_code == 404
    assert Vote.objects.count() == 0


def test_the_comment_form_resolves_only_its_consultations_sections(draft):
    purpose = draft.sections.get(position=1)
    elsewhere = SectionFactory(consultation=ConsultationFactory())

    mine = CommentForm({"body": "Hi", "section": purpose.pk}, consultation=draft)
    other = CommentForm({"body": "Hi", "section": elsewhere.pk}, consultation=draft)
    draft_as_a_whole = CommentForm({"body": "Hi", "section": ""}, consultation=draft)

    assert (mine.is_valid(), mine.cleaned_data["section"]) == (True, purpose)
    assert (other.is_valid(), other.names_nothing_known()) == (False, True)
    assert (draft_as_a_whole.is_valid(), draft_as_a_whole.cleaned_data["section"]) == (True, None)


@pytest.mark.parametrize("status", ["pending", "hidden", "rejected", "removed"])
def test_the_reply_form_finds_only_a_comment_the_person_may_see(draft, status):
    purpose = draft.sections.get(position=1)
    published = CommentFactory(consultation=draft, section=purpose)
    unseen = CommentFactory(consultation=draft, section=purpose)
    Comment.objects.filter(pk=unseen.pk).update(status=status)
    user = unseen.author  # even its author: nobody replies to it

    to_published = ReplyForm(
        {"body": "Hi", "parent": published.pk}, consultation=draft, user=AnonymousUser()
    )
    to_unseen = ReplyForm({"body": "Hi", "parent": unseen.pk}, consultation=draft, user=user)

    assert to_published.is_valid()
    assert (to_published.cleaned_data["parent"], to_published.cleaned_data["section"]) == (
        published,
        purpose,
    )
    assert (to_unseen.is_valid(), to_unseen.names_nothing_known()) == (False, True)
