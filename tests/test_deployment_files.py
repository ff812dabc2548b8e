"""The container and service files can't be built or started here (no Docker), so they are read as
data: what they point at, how they are checked for health, how they restart, and that every build
installs the versions in constraints.txt."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

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


def _instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def _runtime_stage() -> list[tuple[str, str]]:
    instructions = _instructions((ROOT / "Dockerfile").read_text())
    last_from = max(i for i, (word, _) in enumerate(instructions) if word == "FROM")
    return instructions[last_from:]


def test_the_image_checks_its_own_health() -> None:
    stage = _runtime_stage()
    checks = [rest for word, rest in stage if word == "HEALTHCHECK"]
    assert len(checks) == 1
    check = checks[0]
    assert re.search(r'CMD \["doorstep", "healthcheck"\]$', check)
    for option in ("--interval=", "--timeout=", "--start-period=", "--retries="):
        assert option in check
    env = " ".join(rest for word, rest in stage if word == "ENV")
    # On inside the image; listening on the container's own addresses, which compose publishes on the
    # host's 127.0.0.1 only.
    assert "DOORSTEP_HEALTH__ENABLED=true" in env and "DOORSTEP_HEALTH__LISTEN=0.0.0.0" in env
    port = re.search(r"DOORSTEP_HEALTH__PORT=(\d+)", env)
    assert port and ("EXPOSE", port.group(1)) in stage


def test_the_healthcheck_command_exists() -> None:
    from bot.cli import _parser

    assert "healthcheck" in _parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]


def test_the_image_stops_for_good_on_problems_a_restart_cannot_fix() -> None:
    command = [rest for word, rest in _runtime_stage() if word == "CMD"]
    assert command == ['["doorstep", "run", "--needs-a-person-status", "0"]']


def test_every_build_installs_the_locked_versions() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^COPY [^\n]*\bconstraints\.txt\b", dockerfile, re.MULTILINE)
    installs = [rest for word, rest in _instructions(dockerfile) if word == "RUN" and re.search(r"pip (wheel|install)", rest)]
    assert installs and all("--constraint" in rest for rest in installs)
    assert any("--no-index" in rest for rest in installs), "the runtime stage resolves nothing afresh"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"pip install [^\n]*--constraint \$\(LOCK\) -e '\.\[dev\]'", makefile)
    assert "LOCK := constraints.txt" in makefile and re.search(r"^lock:", makefile, re.MULTILINE)
    assert re.search(r"^\$\(STAMP\): pyproject\.toml \$\(LOCK\)$", makefile, re.MULTILINE)


def test_the_lock_pins_every_dependency_within_pyproject_ranges() -> None:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, version = line.partition("==")
        assert version and " " not in line and "@" not in line, f"not an exact pin: {line!r}"
        pins[canonicalize_name(name)] = Version(version)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"]["dev"]]
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in constraints.txt: run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt has {requirement.name} {pins[name]}, outside pyproject's {requirement.specifier}"
        )
    assert "doorstep" not in pins and "pip" not in pins


def test_compose_reads_dotenv_checks_health_and_restarts_on_failure_only() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    service = compose["services"]["doorstep"]
    assert service["env_file"] == ".env" and any(volume.endswith(":/data") for volume in service["volumes"])
    # Docker's restart policies can't exclude exit statuses: on-failure, with the image's command
    # exiting 0 for bad settings and an unusable database, stops where systemd's
    # RestartPreventExitStatus=2 3 does.
    assert service["restart"] == "on-failure"
    assert service["healthcheck"]["test"] == ["CMD", "doorstep", "healthcheck"]
    assert all(key in service["healthcheck"] for key in ("interval", "timeout", "start_period", "retries"))
    assert all(port.startswith("127.0.0.1:") for port in service["ports"]), "health and metrics stay on this host"


def test_systemd_unit_is_sandboxed_and_runs_doorstep() -> None:
    unit = (ROOT / "deploy" / "doorstep.service").read_text()
    for directive in ("DynamicUser=yes", "StateDirectory=doorstep", "ProtectSystem=strict", "NoNewPrivileges=yes",
                      "PrivateTmp=yes", "ProtectHome=yes"):
        assert directive in unit
    exec_start = re.search(r"^ExecStart=\S+/bin/(\S+) run$", unit, re.MULTILINE)
    assert exec_start and exec_start.group(1) in _console_scripts()
    assert "DOORSTEP_DATABASE__PATH=/var/lib/doorstep/" in unit
