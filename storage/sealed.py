"""Secrets gitstudio must use again, stored encrypted at rest: forge tokens, DVC remote settings.

Access tokens are only ever compared, so they are hashed (storage.tokens); a forge's token is
sent back to the forge, so it is sealed with Fernet (AES-128-CBC + HMAC-SHA256) under a key
from ``GITSTUDIO_SECRET_KEY`` or, failing that, a key file made once in the data directory
(shared by the instances that share it). The API never returns a sealed value.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from storage.errors import DomainError


def key_file(data_dir: Path, name: str, make: Callable[[], bytes]) -> bytes:
    """The key in ``data_dir/name``, made with ``make`` on first use (mode 0600)."""
    path = data_dir / name
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:  # O_EXCL: of two instances starting together, one writes and both read
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(make())
    return path.read_bytes().strip()


class Sealer:
    def __init__(self, configured: str, data_dir: Path) -> None:
        self._configured = configured
        self._data_dir = data_dir
        self._fernet: Fernet | None = None

    def seal(self, secret: str) -> str:
        return self._box().encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._box().decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise DomainError(
                "INVALID",
                "a stored secret cannot be decrypted (was the secret key changed?); set it again",
            ) from None

    def open_recent(self, sealed: str, max_age: float) -> str | None:
        """The secret of ``sealed`` if it was sealed under this key at most ``max_age``
        seconds ago, else None (tampered with, another key, too old): for short-lived
        values a browser carries (gitstudio/oidc.py's sign-in cookie)."""
        try:
            return self._box().decrypt(sealed.encode(), ttl=max(1, int(max_age))).decode()
        except (InvalidToken, UnicodeError):
            return None

    def _box(self) -> Fernet:
        if self._fernet is None:
            if self._configured:  # any passphrase: derive a Fernet key from it
                digest = hashlib.sha256(self._configured.encode()).digest()
                key = base64.urlsafe_b64encode(digest)
            else:
                key = key_file(self._data_dir, "secret.key", Fernet.generate_key)
            self._fernet = Fernet(key)
        return self._fernet
