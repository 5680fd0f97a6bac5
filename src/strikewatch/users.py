"""Users of the shared database: who may read, who may write, and under which name.

Every write through the web app (ingest, review) is made by a named user whose role allows
it, and the review audit log records that name. Tokens are random (256 bits) and only their
SHA-256 is stored: with that much entropy a slow password hash (scrypt) adds nothing against
guessing, while a plain digest keeps authentication to one indexed lookup per request, which
the incident list's latency budget needs.

Revoking a user keeps their row, marked with when and by whom (``revoke_user`` says why), and
the time a token was last used is kept to within ``LAST_USED_EVERY`` so that an admin can tell
live tokens from forgotten ones without a write on every request.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from .errors import UserError, UserExists
from .store import Store, UserRow, now

ROLES = ("reader", "analyst", "admin")
WRITE_ROLES = frozenset({"analyst", "admin"})
_NAME = re.compile(r"^[\w.@' -]{1,100}$")
# A token's last use is written when the stored time is older than this: a write per request
# would put a write (on SQLite, the database lock) in the path of every read.
LAST_USED_EVERY = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str
    created_at: datetime | None = None
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_by: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_write(self) -> bool:
        return self.active and self.role in WRITE_ROLES


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str, *, role: str) -> str:
    """Create a user and return their token, which is not stored and cannot be shown again."""
    name = name.strip()
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    if not _NAME.match(name):
        raise UserError(f"bad user name {name!r}: letters, digits, spaces and . @ ' - only")
    token = secrets.token_urlsafe(32)
    try:
        with store.sessions.begin() as s:
            s.add(UserRow(name=name, role=role, token_hash=hash_token(token)))
    except IntegrityError as exc:
        raise UserExists(f"a user named {name!r} already exists") from exc
    return token


def user_for_token(store: Store, token: str) -> User | None:
    """The active user the token belongs to; a revoked token is refused on its next request,
    since every request looks its token up (nothing is cached)."""
    with store.sessions() as s:
        row = s.execute(select(UserRow.name, UserRow.role, UserRow.last_used_at)
                        .where(UserRow.token_hash == hash_token(token),
                               UserRow.revoked_at.is_(None))).first()
    if row is None:
        return None
    moment = now()
    if row.last_used_at is None or moment - row.last_used_at >= LAST_USED_EVERY:
        with store.sessions.begin() as s:
            s.execute(update(UserRow).where(UserRow.name == row.name)
                      .values(last_used_at=moment))
    return User(row.name, row.role)


def _user(row: UserRow) -> User:
    return User(row.name, row.role, created_at=row.created_at, last_used_at=row.last_used_at,
                revoked_at=row.revoked_at, revoked_by=row.revoked_by)


def users(store: Store) -> list[User]:
    """Every user, revoked ones included, by name; tokens are not stored, so none is here."""
    with store.sessions() as s:
        return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]


def user_named(store: Store, name: str) -> User | None:
    with store.sessions() as s:
        row = s.get(UserRow, name.strip())
        return _user(row) if row else None


def revoke_user(store: Store, name: str, *, by: str) -> User:
    """Stop ``name``'s token working from its next request, and return the user as revoked.

    The row is kept, marked with when and by whom, not deleted: the review audit log records
    analysts by name, so the name must go on meaning that one person (a deleted name could be
    given to someone else, and their reviews would read as one analyst's), and an auditor can
    see whose access ended when, and who ended it. The last active admin cannot be revoked:
    nobody could then manage users through the web app.
    """
    name, by = name.strip(), by.strip()
    if not by:
        raise UserError("say who revokes the user: the user list records it")
    with store.sessions.begin() as s:
        row = s.get(UserRow, name)
        if row is None:
            raise UserError(f"no user named {name!r}")
        if row.revoked_at is not None:
            raise UserError(f"user {name!r} was already revoked on "
                            f"{row.revoked_at:%Y-%m-%d %H:%M} UTC by {row.revoked_by}")
        if row.role == "admin":
            admins = s.scalar(select(func.count()).select_from(UserRow).where(
                UserRow.role == "admin", UserRow.revoked_at.is_(None))) or 0
            if admins <= 1:
                raise UserError(f"{name!r} is the last active admin; add another admin "
                                "before revoking this one")
        row.revoked_at, row.revoked_by = now(), by
        return _user(row)


# -- a deployment's read token (issue 15: compose reads it from an env file) ------------------

ENV_READER = "reader (STRIKEWATCH_READ_TOKEN)"
MIN_TOKEN_CHARS = 32


def provision_read_token(store: Store, token: str) -> None:
    """Make ``token`` a reader's token, as a deployment's env file gives it, so that the
    dashboards a compose file starts can read without anyone running ``user add`` by hand.
    The user ``ENV_READER`` holds it (its hash only); a changed token replaces the old one;
    a revoked one stays revoked (an admin's revocation outranks the env file)."""
    if "change-me" in token:
        raise UserError("STRIKEWATCH_READ_TOKEN is still the example's: set a random one")
    if len(token) < MIN_TOKEN_CHARS or not token.isprintable() or " " in token:
        raise UserError(f"STRIKEWATCH_READ_TOKEN must be at least {MIN_TOKEN_CHARS} printable "
                        "characters without spaces (e.g. python -c 'import secrets; "
                        "print(secrets.token_urlsafe(32))')")
    with store.sessions.begin() as s:
        row = s.get(UserRow, ENV_READER)
        if row is None:
            s.add(UserRow(name=ENV_READER, role="reader", token_hash=hash_token(token)))
        elif row.revoked_at is None:
            row.token_hash = hash_token(token)
