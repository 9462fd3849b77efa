"""Who is acting: the person as permissions see them, resolved once per request.

`Actor` holds everything a `can_*` function may ask about the person in one municipality (their
roles there, whether they joined, whether they are blocked, how far they are verified), so the
`can_*` functions take an actor and an already-loaded object and touch no database. What each
role may do is one table, `ROLE_CAPABILITIES`.

`ActorMiddleware` puts `request.actor` on every request; it is resolved on first use with at most
two queries (the membership, which `membership_for` caches for the rest of the request, and one
for the block and the verification level). The block and the verification live in apps above
this one; they hand in the SQL for their fact through `FACTS` when they start (their
`AppConfig.ready`), so this module imports neither.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.utils.functional import SimpleLazyObject

from wiec.accounts.models import Membership, Role, User

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from wiec.tenants.models import Tenant


class Capability(StrEnum):
    """What a role allows, whatever the object. Object rules (the author, the phase) are in each
    module's `can_*` functions."""

    TAKE_PART = "take_part"  # post, support, report, comment (while joined and not blocked)
    ACCESS_PANEL = "access_panel"
    SEE_UNPUBLISHED = "see_unpublished"  # drafts of polls, results before they are public
    MODERATE = "moderate"  # hide and restore content, block residents
    SPEAK_FOR_OFFICE = "speak_for_office"  # answer ideas; comments carry the office's badge
    RUN_VOTES = "run_votes"  # polls and ballot boxes: create, date, close
    ENTER_PAPER = "enter_paper"
    VERIFY_IN_PERSON = "verify_in_person"
    VIEW_VERIFICATIONS = "view_verifications"
    VIEW_AUDIT_LOG = "view_audit_log"
    MANAGE_VERIFICATION = "manage_verification"
    MANAGE_MODULES = "manage_modules"  # a module's own settings (ideas: submissions open or not)
    MANAGE_TENANT = "manage_tenant"  # settings, districts, categories, legal pages
    MANAGE_MEMBERS = "manage_members"
    REVIEW_PROJECTS = "review_projects"  # the participatory budget's assessment of projects


REVIEWER = "reviewer"
"""The budget's project reviewers. Not yet one of `Role`'s choices: the budget module adds it
there (with its migration) when it arrives; the table already says what it allows."""

_STAFF = frozenset({Capability.TAKE_PART, Capability.ACCESS_PANEL, Capability.SEE_UNPUBLISHED})
_OFFICE = frozenset(
    {
        Capability.SPEAK_FOR_OFFICE,
        Capability.RUN_VOTES,
        Capability.ENTER_PAPER,
        Capability.VERIFY_IN_PERSON,
        Capability.VIEW_VERIFICATIONS,
        Capability.VIEW_AUDIT_LOG,
    }
)

ROLE_CAPABILITIES: Mapping[str, frozenset[Capability]] = {
    Role.RESIDENT: frozenset({Capability.TAKE_PART}),
    Role.MODERATOR: _STAFF | {Capability.MODERATE},
    Role.OFFICIAL: _STAFF | _OFFICE,
    Role.ADMIN: _STAFF
    | _OFFICE
    | {
        Capability.MODERATE,
        Capability.MANAGE_VERIFICATION,
        Capability.MANAGE_MODULES,
        Capability.MANAGE_TENANT,
        Capability.MANAGE_MEMBERS,
    },
    REVIEWER: frozenset({Capability.TAKE_PART, Capability.REVIEW_PROJECTS}),
}


def role_allows(role: str | None, capability: Capability) -> bool:
    return role is not None and capability in ROLE_CAPABILITIES.get(role, ())


def roles_with(capability: Capability) -> frozenset[str]:
    """The roles, among those a membership can hold today, that have `capability`: for
    queries over memberships (who is told of new work) instead of a set of role names."""
    return frozenset(role for role in Role.values if role_allows(role, capability))


@dataclass(frozen=True)
class Actor:
    """The person acting in one municipality. `user_id` None: not logged in."""

    user_id: int | None = None
    tenant_id: int | None = None
    roles: frozenset[str] = frozenset()
    active: bool = False
    joined: bool = False
    """Accepted this municipality's terms (staff roles imply it)."""
    blocked: bool = False
    """An active block by this municipality's moderators."""
    level: int = 0
    """Verification level here (`wiec.verification.models.Level`; 0: an account only)."""

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    def has(self, capability: Capability) -> bool:
        return any(role_allows(role, capability) for role in self.roles)

    @property
    def is_staff(self) -> bool:
        return self.has(Capability.ACCESS_PANEL)

    @property
    def takes_part(self) -> bool:
        """Logged in, joined this municipality's site and not blocked here: the common ground
        of every way to post."""
        return (
            self.is_authenticated
            and self.active
            and self.joined
            and not self.blocked
            and self.has(Capability.TAKE_PART)
        )

    def is_user(self, user_id: int | None) -> bool:
        return user_id is not None and user_id == self.user_id


ANONYMOUS = Actor()


@dataclass
class ActorFacts:
    """The SQL (per municipality, over the user's row) for facts other apps own."""

    blocked: Callable[[Tenant], Any] | None = None  # an Exists(...) over OuterRef("pk")
    level: Callable[[Tenant], Any] | None = None  # a Subquery(...) of one integer


FACTS = ActorFacts()

_CACHE = "_wiec_memberships"


def membership_for(user: Any, tenant: Tenant | None) -> Membership | None:
    """The person's membership here; cached on the user object for the request."""
    if tenant is None or not getattr(user, "is_authenticated", False):
        return None
    cache: dict[int, Membership | None] = user.__dict__.setdefault(_CACHE, {})
    if tenant.pk not in cache:
        cache[tenant.pk] = Membership.objects.filter(user=user, tenant=tenant).first()
    return cache[tenant.pk]


def role_in(user: Any, tenant: Tenant | None) -> Role | None:
    """The person's role here (platform operators act as administrators everywhere)."""
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        return Role.ADMIN
    membership = membership_for(user, tenant)
    return Role(membership.role) if membership is not None else None


def resolve_actor(user: Any, tenant: Tenant | None) -> Actor:
    """The actor for `user` in `tenant`, read from the database (at most two queries)."""
    if tenant is None or not getattr(user, "is_authenticated", False):
        return Actor(tenant_id=tenant.pk if tenant is not None else None)
    membership = membership_for(user, tenant)
    role = role_in(user, tenant)
    facts: dict[str, Any] = {"blocked": False, "level": 0}
    expressions = {
        name: build(tenant)
        for name, build in (("blocked", FACTS.blocked), ("level", FACTS.level))
        if build is not None
    }
    if expressions:
        row = User.objects.filter(pk=user.pk).annotate(**expressions).values(*expressions).first()
        if row is not None:
            facts.update({name: value for name, value in row.items() if value is not None})
    return Actor(
        user_id=user.pk,
        tenant_id=tenant.pk,
        roles=frozenset({role}) if role is not None else frozenset(),
        active=bool(getattr(user, "is_active", False)),
        joined=membership is not None and membership.has_joined,
        blocked=bool(facts["blocked"]),
        level=int(facts["level"]),
    )


class ActorMiddleware:
    """`request.actor`: the person acting in the request's municipality, resolved on first use.

    After the authentication middleware (it needs `request.user`) and the tenant middleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: resolve_actor(request.user, getattr(request, "tenant", None))
        )
        return self.get_response(request)


def actor_of(request: HttpRequest) -> Actor:
    """The request's actor (resolved here when no middleware did, e.g. in a RequestFactory test)."""
    actor = getattr(request, "actor", None)
    if actor is None:
        actor = resolve_actor(getattr(request, "user", None), getattr(request, "tenant", None))
        request.actor = actor  # type: ignore[attr-defined]
    return actor
