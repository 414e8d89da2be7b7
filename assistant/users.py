"""Who may sign in to the app: a JSON file of user names with salted scrypt password hashes.

The app asks for a sign-in only when the file lists at least one user. Passwords are never stored:
each user has a random 16-byte salt and the scrypt hash of the password with it (stdlib hashlib,
so no extra dependency). `evidence users add NAME` and `evidence users remove NAME` manage it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from pathlib import Path

from assistant.errors import EvidenceError

# scrypt cost: about 50 ms and 16 MB per check on one core, slow enough to make guessing dear
# and fast enough that a sign-in does not feel it. Stored per user, so it can be raised later.
_N, _R, _P = 2**14, 8, 1
_MIN_PASSWORD = 8


class UsersFileError(EvidenceError):
    """The users file could not be read or a user change was refused."""


def load_users(path: Path) -> dict[str, dict]:
    """name -> {salt, hash, n, r, p}; an absent file means no users (sign-in off)."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        users = data["users"]
        assert isinstance(users, dict)
    except (OSError, ValueError, KeyError, AssertionError) as exc:
        raise UsersFileError(
            f"the users file {path} could not be read ({type(exc).__name__}); fix or delete it "
            "and add users again with `evidence users add NAME`"
        ) from exc
    return users


def add_user(path: Path, name: str, password: str) -> bool:
    """Add `name` or change their password; True when the user is new."""
    name = name.strip()
    if not name or any(c.isspace() for c in name):
        raise UsersFileError("a user name must be one word with no spaces")
    if len(password) < _MIN_PASSWORD:
        raise UsersFileError(f"the password must be at least {_MIN_PASSWORD} characters")
    users = load_users(path)
    salt = secrets.token_bytes(16)
    new = name not in users
    users[name] = {
        "salt": salt.hex(),
        "hash": _hash(password, salt, _N, _R, _P).hex(),
        "n": _N,
        "r": _R,
        "p": _P,
    }
    _save(path, users)
    return new


def remove_user(path: Path, name: str) -> None:
    users = load_users(path)
    if name not in users:
        raise UsersFileError(f"there is no user '{name}' in {path}")
    del users[name]
    _save(path, users)


def verify(users: dict[str, dict], name: str, password: str) -> bool:
    """Constant-time check of a password; unknown names cost the same as wrong passwords."""
    entry = users.get(name)
    if entry is None:
        _hash(password, b"\0" * 16, _N, _R, _P)  # same work, so timing does not reveal names
        return False
    expected = bytes.fromhex(entry["hash"])
    actual = _hash(password, bytes.fromhex(entry["salt"]), entry["n"], entry["r"], entry["p"])
    return hmac.compare_digest(expected, actual)


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def _save(path: Path, users: dict[str, dict]) -> None:
    """Write atomically and readable by the owner only: the hashes are still worth guarding."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".users-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"users": users}, handle, indent=2, sort_keys=True)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
