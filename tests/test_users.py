"""Users: a revoked token is refused at once and the user stays on record; the last use of a
token is kept without a write on every request; the list never holds a token or its hash."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest
from sqlalchemy import update

from strikewatch.errors import UserError
from strikewatch.store import Store, UserRow
from strikewatch.users import (
    LAST_USED_EVERY,
    User,
    add_user,
    revoke_user,
    user_for_token,
    user_named,
    users,
)


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "users.db"))
    yield s
    s.close()


def test_revoked_token_is_refused_at_once_and_the_user_stays_listed(store):
    admin = add_user(store, "Amira Saleh", role="admin")
    token = add_user(store, "Leila Haddad", role="analyst")
    assert user_for_token(store, token) == User("Leila Haddad", "analyst")
    revoked = revoke_user(store, "Leila Haddad", by="Amira Saleh")
    assert (revoked.active, revoked.revoked_by, revoked.can_write) == (False, "Amira Saleh", False)
    assert user_for_token(store, token) is None
    assert user_for_token(store, admin).name == "Amira Saleh"
    listed = {u.name: u for u in users(store)}
    assert set(listed) == {"Amira Saleh", "Leila Haddad"}
    assert listed["Leila Haddad"].revoked_at == revoked.revoked_at is not None
    assert listed["Amira Saleh"].active


def test_a_listed_user_carries_no_token_or_hash(store):
    token = add_user(store, "Rania Khalil", role="reader")
    (u,) = users(store)
    assert {f.name for f in fields(u)} == {"name", "role", "created_at", "last_used_at",
                                           "revoked_at", "revoked_by"}
    assert token not in repr(u) and u.created_at is not None


def test_revoking_twice_an_unknown_user_or_the_last_admin_is_refused(store):
    add_user(store, "Amira Saleh", role="admin")
    add_user(store, "Leila Haddad", role="analyst")
    revoke_user(store, "Leila Haddad", by="Amira Saleh")
    with pytest.raises(UserError, match="already revoked"):
        revoke_user(store, "Leila Haddad", by="Amira Saleh")
    with pytest.raises(UserError, match="no user named 'Nobody'"):
        revoke_user(store, "Nobody", by="Amira Saleh")
    with pytest.raises(UserError, match="last active admin"):
        revoke_user(store, "Amira Saleh", by="Amira Saleh")
    with pytest.raises(UserError, match="who revokes"):
        revoke_user(store, "Amira Saleh", by="  ")
    add_user(store, "Omar Nasser", role="admin")
    assert not revoke_user(store, "Amira Saleh", by="Omar Nasser").active


def test_a_revoked_name_is_not_given_to_someone_else(store):
    add_user(store, "Amira Saleh", role="admin")
    add_user(store, "Leila Haddad", role="analyst")
    revoke_user(store, "Leila Haddad", by="Amira Saleh")
    with pytest.raises(UserError, match="already exists"):
        add_user(store, "Leila Haddad", role="analyst")


def test_last_use_is_written_once_per_interval(store):
    token = add_user(store, "Leila Haddad", role="analyst")
    assert user_named(store, "Leila Haddad").last_used_at is None
    user_for_token(store, token)
    first = user_named(store, "Leila Haddad").last_used_at
    assert first is not None
    user_for_token(store, token)  # within the interval: no write
    assert user_named(store, "Leila Haddad").last_used_at == first
    stale = first - LAST_USED_EVERY - timedelta(seconds=1)
    with store.sessions.begin() as s:
        s.execute(update(UserRow).values(last_used_at=stale))
    user_for_token(store, token)
    assert user_named(store, "Leila Haddad").last_used_at > stale
