"""Who the caller is, and the users an admin manages."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from ..users import User, add_user, revoke_user, user_named, users
from .deps import API, Admin, Db, Read, known_params

router = APIRouter()


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(description="reader | analyst | admin")


def user_record(u: User) -> dict:
    """What an admin sees of a user: never the token, nor its hash."""
    def when(t):  # noqa: ANN001, ANN202 - a datetime or None
        return t.isoformat(timespec="seconds") if t else None

    return {"name": u.name, "role": u.role, "active": u.active,
            "created_at": when(u.created_at), "last_used_at": when(u.last_used_at),
            "revoked_at": when(u.revoked_at), "revoked_by": u.revoked_by}


@router.get(f"{API}/me", tags=["access"],
            dependencies=[known_params()])
def me(user: Read) -> dict:
    """Who the token belongs to (``null`` without a token) and what they may do."""
    if user is None:
        return {"user": None, "role": None, "can_write": False}
    return {"user": user.name, "role": user.role, "can_write": user.can_write}


@router.post(f"{API}/users", tags=["access"], status_code=201)
def create_user(body: NewUser, _admin: Admin, store: Db) -> dict:
    """Create a user; the token is in this answer only and is stored hashed."""
    token = add_user(store, body.name, role=body.role)
    return {"user": body.name, "role": body.role, "token": token}


@router.get(f"{API}/users", tags=["access"], dependencies=[known_params()])
def list_users(_admin: Admin, store: Db) -> dict:
    """Every user with role, creation, last use and revocation; no token or hash."""
    everyone = [user_record(u) for u in users(store)]
    return {"total": len(everyone), "items": everyone}


@router.post(f"{API}/users/{{name}}/revoke", tags=["access"], dependencies=[known_params()])
def revoke(name: str, user: Admin, store: Db) -> dict:
    """The user's token stops working at once; the row stays, marked revoked by you."""
    if user_named(store, name) is None:
        raise HTTPException(404, f"no user named {name!r}")
    return user_record(revoke_user(store, name, by=user.name))
