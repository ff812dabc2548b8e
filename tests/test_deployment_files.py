"""The container and service files can't be built or started here, so check what they point at."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _console_scripts() -> set[str]:
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"])


def test_every_path_the_dockerfile_copies_exists() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = []
    for line in dockerfile.splitlines():
        if line.startswith("COPY") and "--from=" not in line:
            copied += line.split()[1:-1]
    assert copied, "the Dockerfile copies nothing?"
    for path in copied:
        assert (ROOT / path).exists(), f"Dockerfile copies {path}, which is not in the repository"


def test_the_dockerfile_packages_every_top_level_package() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]["include"]
    for package in packages:
        name = package.rstrip("*")
        assert re.search(rf"^COPY {name} \./{name}$", dockerfile, re.MULTILINE), f"{name} is not copied"


def test_the_image_runs_doorstep_as_a_user_with_data_on_a_volume() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    command = re.search(r'^CMD \["([^"]+)"', dockerfile, re.MULTILINE)
    assert command and command.group(1) in _console_scripts()
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.MULTILINE)
    assert 'VOLUME ["/data"]' in dockerfile and "DOORSTEP_DATABASE__PATH=/data/" in dockerfile


def test_compose_reads_dotenv_and_restarts() -> None:
    compose = (ROOT / "compose.yaml").read_text()
    assert "env_file: .env" in compose and "restart: unless-stopped" in compose and ":/data" in compose


def test_systemd_unit_is_sandboxed_and_runs_doorstep() -> None:
    unit = (ROOT / "deploy" / "doorstep.service").read_text()
    for directive in ("DynamicUser=yes", "StateDirectory=doorstep", "ProtectSystem=strict", "NoNewPrivileges=yes",
                      "PrivateTmp=yes", "ProtectHome=yes"):
        assert directive in unit
    exec_start = re.search(r"^ExecStart=\S+/bin/(\S+) run$", unit, re.MULTILINE)
    assert exec_start and exec_start.group(1) in _console_scripts()
    assert "DOORSTEP_DATABASE__PATH=/var/lib/doorstep/" in unit
