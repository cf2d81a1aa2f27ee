import io
import re

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_staff_signs_in_to_the_admin_at_once_with_the_printed_password(client):
    out = io.StringIO()
    call_command("demo_content", stdout=out)
    password = re.search(r"email: urednik@inepa\.example  password: (\S+)", out.getvalue())

    response = client.post(
        "/en/accounts/login/?next=/admin/",
        {"login": "urednik@inepa.example", "password": password.group(1)},
    )

    staff = User.objects.get(is_staff=True)
    assert (staff.display_name, staff.is_staff, staff.is_superuser) == (
        "Uredništvo INePA",
        True,
        True,
    )
    assert list(staff.emailaddress_set.values_list("email", "primary", "verified")) == [
        ("urednik@inepa.example", True, True)
    ]
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_demo_content_twice_keeps_one_staff_account_and_prints_no_password():
    call_command("demo_content", stdout=io.StringIO())
    out = io.StringIO()

    call_command("demo_content", stdout=out)

    assert User.objects.filter(is_staff=True).count() == 1
    assert "password:" not in out.getvalue()
