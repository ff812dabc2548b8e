"""A throwaway Synapse for the Matrix tests: one per test run, on 127.0.0.1, SQLite, no federation.

It is installed by `make synapse` (part of `make test`) into its own virtualenv. If it is missing or
won't start, the tests fail loudly with the reason, never skip."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SYNAPSE_PYTHON = ROOT / ".test-servers" / "synapse" / "venv" / "bin" / "python"
SERVER_NAME = "doorstep.test"
START_TIMEOUT_S = 60
STOP_TIMEOUT_S = 15

# Generous limits: the tests send quickly from many accounts on one machine.
_LOTS = {"per_second": 1000, "burst_count": 1000}
RATE_LIMITS = {
    "rc_message": _LOTS,
    "rc_registration": _LOTS,
    "rc_registration_token_validity": _LOTS,
    "rc_login": {"address": _LOTS, "account": _LOTS, "failed_attempts": _LOTS},
    "rc_admin_redaction": _LOTS,
    "rc_joins": {"local": _LOTS, "remote": _LOTS},
    "rc_joins_per_room": _LOTS,
    "rc_3pid_validation": _LOTS,
    "rc_invites": {"per_room": _LOTS, "per_user": _LOTS, "per_issuer": _LOTS},
    "rc_third_party_invite": _LOTS,
    "rc_room_creation": _LOTS,
    "rc_key_requests": _LOTS,
    "rc_media_create": _LOTS,
    "rc_reports": _LOTS,
    "rc_delayed_event_mgmt": _LOTS,
    "rc_presence": {"per_user": _LOTS},
}


class SynapseFailed(RuntimeError):
    """The homeserver the Matrix tests need could not be installed or started."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _config(directory: Path, port: int, shared_secret: str) -> dict:
    return {
        "server_name": SERVER_NAME,
        "pid_file": str(directory / "homeserver.pid"),
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "listeners": [{
            "port": port, "bind_addresses": ["127.0.0.1"], "type": "http", "tls": False,
            "x_forwarded": False, "resources": [{"names": ["client", "media"], "compress": False}],
        }],
        "database": {"name": "sqlite3", "args": {"database": str(directory / "homeserver.db")}},
        "log_config": str(directory / "log.yaml"),
        "media_store_path": str(directory / "media"),
        "signing_key_path": str(directory / "signing.key"),
        "registration_shared_secret": shared_secret,
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "report_stats": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "presence": {"enabled": False},
        "enable_media_repo": True,  # pictures (the weekly summary's chart) and files
        "max_upload_size": "1M",  # small, so a test can send a file that is too large
        "url_preview_enabled": False,
        "enable_registration": False,
        "bcrypt_rounds": 4,
        **RATE_LIMITS,
    }


def _log_config(directory: Path) -> dict:
    return {
        "version": 1,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "handlers": {"file": {"class": "logging.FileHandler", "filename": str(directory / "homeserver.log"),
                              "formatter": "plain"}},
        "root": {"level": "WARNING", "handlers": ["file"]},
        "disable_existing_loggers": False,
    }


@dataclass(frozen=True)
class RegisteredUser:
    user_id: str
    password: str
    access_token: str
    device_id: str

    @property
    def localpart(self) -> str:
        return self.user_id[1:].split(":", 1)[0]


class Synapse:
    """Start with `Synapse.start(directory)`; `stop()` when done."""

    def __init__(self, directory: Path, port: int, shared_secret: str, process: subprocess.Popen) -> None:
        self.directory = directory
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.server_name = SERVER_NAME
        self._shared_secret = shared_secret
        self._process = process
        self._admin: RegisteredUser | None = None

    @classmethod
    def start(cls, directory: Path) -> Synapse:
        if not SYNAPSE_PYTHON.exists():
            raise SynapseFailed(f"Synapse is not installed at {SYNAPSE_PYTHON.parent.parent}; run `make synapse` (make test does)")
        directory.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        shared_secret = secrets.token_hex(16)
        config_path = directory / "homeserver.yaml"
        # JSON is YAML, and needs no YAML library here.
        config_path.write_text(json.dumps(_config(directory, port, shared_secret), indent=1))
        (directory / "log.yaml").write_text(json.dumps(_log_config(directory)))
        keygen = subprocess.run(
            [str(SYNAPSE_PYTHON.parent / "generate_signing_key"), "-o", str(directory / "signing.key")],
            capture_output=True, text=True, timeout=60,
        )
        if keygen.returncode != 0:
            raise SynapseFailed(f"generate_signing_key failed: {keygen.stderr.strip()}")
        output = open(directory / "stdout.log", "wb")
        process = subprocess.Popen(
            [str(SYNAPSE_PYTHON), "-m", "synapse.app.homeserver", "-c", str(config_path)],
            stdout=output, stderr=subprocess.STDOUT, cwd=directory, start_new_session=True,
        )
        output.close()
        server = cls(directory, port, shared_secret, process)
        server._wait_until_ready()
        return server

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise SynapseFailed(f"Synapse exited with status {self._process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise SynapseFailed(f"Synapse did not answer within {START_TIMEOUT_S}s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        text = ""
        for name in ("stdout.log", "homeserver.log"):
            path = self.directory / name
            if path.exists():
                text += "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) + "\n"
        return text

    def stop(self) -> None:
        if self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            self._process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=STOP_TIMEOUT_S)

    # --- accounts -------------------------------------------------------------------------------

    def _request(self, method: str, path: str, body: dict | None = None, token: str | None = None) -> dict:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise SynapseFailed(f"{method} {path} -> {error.code}: {error.read().decode(errors='replace')}") from None

    def register(self, localpart: str, *, admin: bool = False) -> RegisteredUser:
        """A new account through shared-secret registration (it comes with an access token)."""
        password = secrets.token_hex(8)
        nonce = self._request("GET", "/_synapse/admin/v1/register")["nonce"]
        parts = (nonce, localpart, password, "admin" if admin else "notadmin")
        mac = hmac.new(self._shared_secret.encode(), b"\x00".join(part.encode() for part in parts), hashlib.sha1)
        answer = self._request("POST", "/_synapse/admin/v1/register", {
            "nonce": nonce, "username": localpart, "password": password, "admin": admin, "mac": mac.hexdigest(),
        })
        return RegisteredUser(answer["user_id"], password, answer["access_token"], answer["device_id"])

    def admin(self) -> RegisteredUser:
        if self._admin is None:
            self._admin = self.register(f"admin-{secrets.token_hex(3)}", admin=True)
        return self._admin

    def limit_messages(self, user_id: str, per_second: float, burst: int) -> None:
        """Give one account a strict message rate limit (to see the bot honour M_LIMIT_EXCEEDED)."""
        path = f"/_synapse/admin/v1/users/{urllib.request.quote(user_id)}/override_ratelimit"
        self._request("POST", path, {"messages_per_second": per_second, "burst_count": burst}, token=self.admin().access_token)

    # --- what the homeserver publishes ----------------------------------------------------------

    def query_keys(self, token: str, user_id: str) -> dict:
        """`/keys/query` for one account, as any client would ask it."""
        return self._request("POST", "/_matrix/client/v3/keys/query", {"device_keys": {user_id: []}}, token=token)

    def device_ids(self, user_id: str) -> set[str]:
        """The account's devices (signed in), by the admin API."""
        path = f"/_synapse/admin/v2/users/{urllib.request.quote(user_id)}/devices"
        return {d["device_id"] for d in self._request("GET", path, token=self.admin().access_token)["devices"]}
