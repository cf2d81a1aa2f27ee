from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import DisplayNameChange
from tests.consultations.factories import CommentFactory
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_changes_their_name_and_it_is_logged(client):
    citizen = CitizenFactory(display_name="Maja K.")
    client.force_login(citizen)
    response = client.post(
        reverse("accounts:display_name"), {"display_name": "  Maja Kovač "}, follow=True
    )
    assert "Your display name is changed." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.display_name == "Maja Kovač"
    (change,) = DisplayNameChange.objects.filter(user=citizen)
    assert (change.old_name, change.new_name) == ("Maja K.", "Maja Kovač")
    data = client.get(reverse("accounts:data")).json()
    assert data["account"]["display_name_changes"][0]["to"] == "Maja Kovač"


def test_a_look_alike_of_anothers_name_is_refused_with_the_text_kept(client):
    CitizenFactory(display_name="Janez Novak")
    citizen = CitizenFactory(display_name="Maja K.")
    client.force_login(citizen)
    response = client.post(reverse("accounts:display_name"), {"display_name": "Janez Nоvak"})
    page = response.content.decode()
    assert "Janez Nоvak" in page  # kept in the field
    assert 'role="alert"' in page
    citizen.refresh_from_db()
    assert citizen.display_name == "Maja K."
    assert not DisplayNameChange.objects.exists()


def test_names_change_a_few_times_a_month_only(client):
    citizen = CitizenFactory(display_name="Name 0")
    now = timezone.now()
    for number in range(1, services.DISPLAY_NAME_CHANGES + 1):
        services.display_name_change(user=citizen, name=f"Name {number}", now=now)
    client.force_login(citizen)
    response = client.post(reverse("accounts:display_name"), {"display_name": "Name 9"})
    assert "You can change it again on" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.display_name == f"Name {services.DISPLAY_NAME_CHANGES}"
    later = now + services.DISPLAY_NAME_PERIOD + timedelta(minutes=1)
    services.display_name_change(user=citizen, name="Name 9", now=later)
    citizen.refresh_from_db()
    assert citizen.display_name == "Name 9"


def test_the_new_name_shows_on_cached_consultation_pages(
    client, django_capture_on_commit_callbacks
):
    comment = CommentFactory(author=CitizenFactory(display_name="Old Name"), language="en")
    url = comment.consultation.get_absolute_url()
    assert "Old Name" in client.get(url).content.decode()  # now cached for visitors
    with django_capture_on_commit_callbacks(execute=True):
        services.display_name_change(user=comment.author, name="New Name")
    page = client.get(url).content.decode()
    assert "New Name" in page
    assert "Old Name" not in page
