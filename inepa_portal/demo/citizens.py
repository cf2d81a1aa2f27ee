"""Build the demo's citizens: verified addresses and no password, so nobody signs in as them."""

from allauth.account.models import EmailAddress

from accounts.models import User


def citizens_ensure(citizens: dict[str, dict]) -> dict[str, User]:
    """The citizens by key, each created unless an account has their address."""
    people = {}
    for key, data in citizens.items():
        person = User.objects.filter(email=data["email"]).first()
        if person is None:
            person = User.objects.create_user(
                email=data["email"], display_name=data["display_name"]
            )
            EmailAddress.objects.create(
                user=person, email=person.email, verified=True, primary=True
            )
        people[key] = person
    return people
