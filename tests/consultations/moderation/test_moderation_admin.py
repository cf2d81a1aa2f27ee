from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from consultations.models import Comment, ModerationMode
from consultations.moderation import services as moderation
from consultations.moderation.models import ModerationAction
from consultations.results import services as results_services
from consultations.results import tasks as results_tasks
from consultations.results.models import ResultsDossier
from tests.consultations.factories import CommentFactory, ConsultationFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


@pytest.fixture
def moderator(client):
    """A staff member in the Moderators group, with nothing more."""
    person = CitizenFactory(display_name="Mojca", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(person)
    return person


def test_queue_lists_comments_needing_attention_first(client, moderator):
    consultation = ConsultationFactory(flag_threshold=5)
    CommentFactory(consultation=consultation, body="An ordinary comment.")
    flagged = CommentFactory(consultation=consultation, body="A flagged comment.")
    moderation.comment_flag(comment=flagged, user=CitizenFactory(), reason="abuse")

    html = client.get("/admin/consultations/comment/", headers=EN).content.decode()

    assert html.index("A flagged comment.") < html.index("An ordinary comment.")


def test_queue_filters_by_attention_state_reason_and_flags(client, moderator):
    flagged = CommentFactory(body="Flagged for spam.")
    CommentFactory(consultation=flagged.consultation, body="Quiet comment.")
    moderation.comment_flag(comment=flagged, user=CitizenFactory(), reason="spam")

    for query in ["attention=yes", "flag_reason=spam", "flags=1-2", "status=published"]:
        response = client.get(f"/admin/consultations/comment/?{query}", headers=EN)
        assertContains(response, "Flagged for spam.")
        if query != "status=published":
            assertNotContains(response, "Quiet comment.")


def test_moderator_hides_a_comment_with_a_reason_on_a_confirmation_page(client, moderator):
    comment = CommentFactory(body="Contains a phone number.")
    url = f"/admin/consultations/comment/moderate/hide/?ids={comment.pk}"

    confirm = client.get(url, headers=EN)
    refused = client.post(url, {"reason": "", "note": ""}, headers=EN)
    done = client.post(url, {"reason": "personal_data", "note": "Phone removed."}, headers=EN)

    assertContains(confirm, "Contains a phone number.")
    assertContains(refused, "This field is required.")
    assert done.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderation_reason) == ("hidden", "personal_data")
    entry = ModerationAction.objects.get()
    assert (entry.actor_name, entry.note) == ("Mojca", "Phone removed.")


def test_moderator_publishes_pending_comments_in_bulk(client, moderator):
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    first, second = (
        CommentFactory(consultation=consultation),
        CommentFactory(consultation=consultation),
    )

    chosen = client.post(
        "/admin/consultations/comment/",
        {"action": "publish_selected", "_selected_action": [first.pk, second.pk]},
        headers=EN,
    )
    client.post(chosen["Location"], {"reason": "", "note": ""}, headers=EN)

    assert set(Comment.objects.values_list("status", flat=True)) == {"published"}
    assert ModerationAction.objects.filter(action="publish").count() == 2


def test_moderator_blocks_an_author_and_hides_their_comments(client, moderator):
    troll = CitizenFactory(display_name="Troll")
    comment = CommentFactory(author=troll)

    page = client.get(f"/admin/consultations/comment/{comment.pk}/change/", headers=EN)
    client.post(
        f"/admin/consultations/comment/block/{troll.pk}/",
        {"reason": "abuse", "hide_comments": "on"},
        headers=EN,
    )

    assertContains(page, "Block the author")
    troll.refresh_from_db()
    assert troll.is_active is False
    assert Comment.objects.get().status == Comment.Status.HIDDEN


def test_moderators_cannot_edit_text_or_delete_comments(client, moderator):
    comment = CommentFactory(body="Original words.")
    change_url = f"/admin/consultations/comment/{comment.pk}/change/"

    page = client.get(change_url, headers=EN)
    client.post(change_url, {"body": "Rewritten words."}, headers=EN)
    delete = client.get(f"/admin/consultations/comment/{comment.pk}/delete/", headers=EN)

    assertNotContains(page, 'name="body"')
    assert Comment.objects.get().body == "Original words."
    assert delete.status_code == 403


def test_nobody_can_change_or_delete_the_log_in_the_admin(client, moderator):
    comment = CommentFactory()
    moderation.comment_moderate(comment=comment, moderator=moderator, action="hide",
                                reason="spam")  # fmt: skip
    entry = ModerationAction.objects.get()

    listing = client.get("/admin/moderation/moderationaction/", headers=EN)
    delete = client.get(f"/admin/moderation/moderationaction/{entry.pk}/delete/", headers=EN)
    client.post(f"/admin/moderation/moderationaction/{entry.pk}/change/", {"note": "x"})

    assertContains(listing, "Mojca")
    assert delete.status_code == 403
    assert ModerationAction.objects.get().note == ""


def test_admin_index_shows_how_many_comments_wait(client, moderator):
    consultation = ConsultationFactory(moderation_mode=ModerationMode.PRE)
    CommentFactory(consultation=consultation)
    CommentFactory(consultation=consultation)

    response = client.get("/admin/", headers=EN)

    assertContains(response, "2 comments wait for review.")


def test_citizens_without_staff_status_cannot_reach_the_queue(client):
    client.force_login(CitizenFactory())

    response = client.get("/admin/consultations/comment/", headers=EN)

    assert response.status_code == 302


def test_the_moderators_group_has_only_what_moderation_needs():
    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )

    assert codenames == {
        "view_comment", "moderate_comment", "view_flag", "view_appeal", "view_moderationaction",
        "view_consultation", "view_officialresponse", "add_officialresponse", "view_user",
    }  # fmt: skip


def test_moderators_can_neither_prepare_nor_download_interim_results(client, moderator):
    """Pen test #17.5: view-only on consultations is not enough to make or read interim files."""
    consultation = ConsultationFactory(
        title_en="Open draft", closes_at=timezone.now() + timedelta(days=5)
    )
    changelist = "/admin/consultations/consultation/"

    page = client.get(changelist, headers=EN)
    client.post(
        changelist,
        {"action": "prepare_interim_results", "_selected_action": [consultation.pk]},
        headers=EN,
    )

    assertContains(page, "Open draft")
    assertNotContains(page, "Prepare an interim results dossier")
    assert not ResultsDossier.objects.exists()
    # Prepared by someone allowed to: still not for moderators.
    results_services.dossier_schedule(consultation=consultation, interim=True)
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    download = client.get(f"/en/consultations/{consultation.slug_en}/results.pdf")
    assert download.status_code == 404
    assert b"%PDF" not in b"".join(getattr(download, "streaming_content", [download.content]))


def test_staff_who_may_change_consultations_prepare_interim_results(client):
    from datetime import timedelta

    editor = CitizenFactory(is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_consultation", "change_consultation"])
    )
    client.force_login(editor)
    consultation = ConsultationFactory(closes_at=timezone.now() + timedelta(days=5))

    page = client.get("/admin/consultations/consultation/", headers=EN)
    response = client.post(
        "/admin/consultations/consultation/",
        {"action": "prepare_interim_results", "_selected_action": [consultation.pk]},
        headers=EN,
        follow=True,
    )

    assertContains(page, "Prepare an interim results dossier")
    assertContains(response, "is being prepared")
    assert ResultsDossier.objects.filter(consultation=consultation).exists()
