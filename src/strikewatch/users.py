"""Users of the shared database: who may read, who may write, and under which name.

Every write through the web app (ingest, review) is made by a named user whose role allows
it, and the review audit log records that name. Tokens are random (256 bits) and only their
SHA-256 is stored: with that much entropy a slow password hash (scrypt) adds nothing against
guessing, while a plain digest keeps authentication to one indexed lookup per request, which
the incident list's latency budget needs.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .errors import UserError, UserExists
from .store import Store, UserRow

ROLES = ("reader", "analyst", "admin")
WRITE_ROLES = frozenset({"analyst", "admin"})
_NAME = re.compile(r"^[\w.@' -]{1,100}$")


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES


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
    with store.sessions() as s:
        row = s.execute(select(UserRow.name, UserRow.role)
                        .where(UserRow.token_hash == hash_token(token))).first()
    return User(row.name, row.role) if row else None


def users(store: Store) -> list[User]:
    with store.sessions() as s:
        return [User(n, r) for n, r in s.execute(select(UserRow.name, UserRow.role)
                                                   .order_by(UserRow.name))]
