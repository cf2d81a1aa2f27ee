"""What other apps add to a person's account: a part of the profile page, of the personal-data
export, and a step of account deletion.

`accounts` sits below the apps that store things about a person (they point to `accounts.User`),
so it never imports them. Each app registers one `Contribution` per concern from its
`AppConfig.ready()`; the profile view, `exports.personal_data` and `services.account_delete`
read this registry and nothing else. Whatever an app stores about a person later (the
notification settings of #15, for one: the user model stores none today) registers its profile
part, export part and deletion step here, and the page, the export and deletion follow without
a change to `accounts`.

A registry rather than signals: the profile shows its parts in a fixed order and each part
returns a context, the export needs each part's data under a key no other part takes, and
deletion needs its steps in a known order inside one transaction. A signal's receivers answer
with a list of (receiver, value) pairs in the order of whichever module connected first, and
a missing receiver fails silently; here one typed object says what an app contributes, clashing
keys fail at start-up, and account deletion is the main flow (signals are for decoupling only).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from .models import User

# The export's own keys, written by accounts.exports.
RESERVED_EXPORT_KEYS = frozenset({"generated_at", "account", "email_addresses"})


@dataclass(frozen=True)
class ProfilePart:
    """A template included on the profile page, with `part` set to `context(user)`."""

    template_name: str
    context: Callable[[User], dict]


@dataclass(frozen=True)
class ExportPart:
    """`data(user)`, JSON-ready, under `key` in the personal-data export."""

    key: str
    data: Callable[[User], Any]


class DeletionStep(Protocol):
    def __call__(self, user: User, /, *, keep_comments: bool) -> None: ...


@dataclass(frozen=True)
class Contribution:
    """One app's share of a person's account, registered under a name of its own.

    `delete` runs inside account deletion's transaction, before the user row goes: it handles
    every row that the app's export parts show (or says in its docstring why the user row's
    own on_delete is enough).
    """

    name: str
    profile: ProfilePart | None = None
    exports: tuple[ExportPart, ...] = ()
    delete: DeletionStep | None = None


@dataclass(frozen=True)
class RenderedPart:
    """A profile part ready for `{% include part.template_name with part=part.context %}`."""

    template_name: str
    context: dict


_registry: dict[str, Contribution] = {}


def register(contribution: Contribution) -> None:
    """Add `contribution`; registering the same name again replaces it in its place.

    Raises ImproperlyConfigured when an export key is the export's own or another
    contribution's.
    """
    taken = set(RESERVED_EXPORT_KEYS)
    for other in _registry.values():
        if other.name != contribution.name:
            taken.update(part.key for part in other.exports)
    keys = [part.key for part in contribution.exports]
    clashing = sorted({key for key in keys if key in taken or keys.count(key) > 1})
    if clashing:
        raise ImproperlyConfigured(
            f"Account contribution {contribution.name!r} uses export keys already taken: "
            f"{', '.join(clashing)}."
        )
    _registry[contribution.name] = contribution


def contributions() -> list[Contribution]:
    """Every contribution, in the order first registered (INSTALLED_APPS order, as ready()
    runs)."""
    return list(_registry.values())


def profile_parts(user: User) -> list[RenderedPart]:
    """The profile page's contributed parts for `user`, in registration order."""
    return [
        RenderedPart(item.profile.template_name, item.profile.context(user))
        for item in contributions()
        if item.profile is not None
    ]


def export_data(user: User) -> dict[str, Any]:
    """Every contributed export part for `user`, by key, in registration order."""
    return {part.key: part.data(user) for item in contributions() for part in item.exports}


def deletion_steps() -> list[DeletionStep]:
    """Deletion steps, the last registered first: an app registered after another builds on
    it (moderation on participation) and handles its rows while what they hang on (the
    person's comments) still points to the person."""
    return [item.delete for item in reversed(contributions()) if item.delete is not None]
