"""The deployment files (issue 15 item 5) say what docs/deploy.md says: compose runs serve,
watch and PostgreSQL with a volume and the env file; the image installs from the lock with
hashes before the package; the systemd units start real commands. Images are not built here
(no registry access); docs/deploy.md gives the check to run by hand."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import pytest
import typer
import yaml

from strikewatch.cli import app
from strikewatch.errors import UserError
from strikewatch.store import Store
from strikewatch.users import ENV_READER, provision_read_token, revoke_user, user_for_token

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def command_options(path: list[str]) -> set[str] | None:
    """The options a strikewatch (sub)command takes, or None if there is no such command."""
    command = typer.main.get_command(app)
    for word in path:
        command = getattr(command, "commands", {}).get(word)
        if command is None:
            return None
    return {o for p in command.params for o in p.opts}


def test_compose_runs_serve_watch_and_postgres_with_a_volume_and_the_env_file():
    c = compose()
    assert set(c["services"]) == {"db", "serve", "watch"}
    db, serve, watch = (c["services"][n] for n in ("db", "serve", "watch"))
    assert db["image"].startswith("postgres:")
    assert any(v.endswith(":/var/lib/postgresql/data") and v.split(":")[0] in c["volumes"]
               for v in db["volumes"])
    assert serve["command"][:2] == ["strikewatch", "serve"] and "--read-token" in serve["command"]
    assert watch["command"] == ["strikewatch", "watch", "--sources", "/config/sources.yaml"]
    assert any(v.split(":")[1] == "/config" for v in watch["volumes"])
    for service in (db, serve, watch):
        assert service["env_file"] == "strikewatch.env"
    for service in (serve, watch):
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
    assert set(command_options(["serve"])) >= {o for o in serve["command"] if o.startswith("-")}


def test_the_env_example_names_what_compose_and_strikewatch_read():
    example = (ROOT / "deploy/strikewatch.env.example").read_text(encoding="utf-8")
    keys = dict(re.findall(r"^([A-Z_]+)=(.*)$", example, re.MULTILINE))
    assert {"POSTGRES_PASSWORD", "STRIKEWATCH_DB", "STRIKEWATCH_READ_TOKEN"} <= set(keys)
    assert keys["STRIKEWATCH_DB"].startswith("postgresql+psycopg://strikewatch:")
    assert keys["STRIKEWATCH_DB"].endswith("@db:5432/strikewatch")  # the compose service
    assert "strikewatch.env" in (ROOT / ".dockerignore").read_text()  # never in the image


def test_dockerfile_installs_from_the_lock_with_hashes_then_the_package_without_deps():
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()]
    assert lines[[i for i, l in enumerate(lines) if l and not l.startswith("#")][0]] == (
        "FROM python:3.11-slim")
    runs = [i for i, l in enumerate(lines) if l.startswith("RUN ")]
    lock = next(i for i in runs if "--require-hashes -r requirements.lock" in lines[i])
    package = next(i for i in runs if "pip install --no-deps ." in lines[i])
    copy_src = next(i for i, l in enumerate(lines) if l.startswith("COPY src"))
    assert lock < copy_src < package  # a source change does not reinstall the dependencies
    cmd = [l for l in lines if l.startswith("CMD ")][-1]  # the last: HEALTHCHECK has its own
    assert cmd.startswith('CMD ["strikewatch", "serve"')


def test_every_dependency_is_pinned_with_hashes_in_the_lock():
    """What pip --require-hashes needs: each distribution pyproject.toml asks for is in the
    lock, pinned, with at least one hash."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["web"] + \
        project["optional-dependencies"]["postgres"]
    lock = (ROOT / "requirements.lock").read_text().lower()
    for requirement in wanted:
        name = re.split(r"[<>=\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        pinned = re.search(rf"^{re.escape(name)}==[^\s]+.*\\\n\s+--hash=sha256:", lock,
                           re.MULTILINE)
        assert pinned, f"{name} is not pinned with a hash in requirements.lock"


def systemd_units() -> dict[str, configparser.ConfigParser]:
    text = (ROOT / "docs/deploy.md").read_text(encoding="utf-8")
    units = {}
    for name, body in re.findall(r"`/etc/systemd/system/([\w-]+\.service)`:\s*```ini\n(.*?)```",
                                 text, re.DOTALL):
        parser = configparser.ConfigParser(strict=True, interpolation=None)
        parser.optionxform = str
        parser.read_string(body)
        units[name] = parser
    return units


def test_the_systemd_units_start_serve_and_watch():
    units = systemd_units()
    assert set(units) == {"strikewatch-serve.service", "strikewatch-watch.service"}
    for name, unit in units.items():
        assert {"Unit", "Service", "Install"} <= set(unit.sections())
        assert unit["Service"]["EnvironmentFile"] == "/etc/strikewatch/strikewatch.env"
        argv = shlex.split(unit["Service"]["ExecStart"])
        assert argv[0].endswith("/bin/strikewatch") and argv[1] == name.split("-")[1][:-8]
    serve = shlex.split(units["strikewatch-serve.service"]["Service"]["ExecStart"])
    assert command_options(["serve"]) >= {o for o in serve if o.startswith("-")}


def test_the_watch_command_takes_the_sources_option():
    assert "--sources" in command_options(["watch"])


def test_the_read_token_from_the_env_file_reads_and_stays_revoked(tmp_path):
    store = Store(str(tmp_path / "t.db"))
    token = "k3Xq9" * 8
    provision_read_token(store, token)
    provision_read_token(store, token)  # every restart: nothing new
    assert user_for_token(store, token).role == "reader"
    provision_read_token(store, token[::-1])  # the env file's token changed
    assert user_for_token(store, token) is None
    assert user_for_token(store, token[::-1]).name == ENV_READER
    revoke_user(store, ENV_READER, by="amira")
    provision_read_token(store, token)
    assert user_for_token(store, token) is None and user_for_token(store, token[::-1]) is None
    for bad in ("short", "change-me-to-a-random-token-of-32-or-more-chars", "x" * 31 + " y"):
        with pytest.raises(UserError, match="STRIKEWATCH_READ_TOKEN"):
            provision_read_token(store, bad)
    store.close()


def _strikewatch_argvs() -> dict[str, list[str]]:
    """Every strikewatch command line the deployment files run or tell an operator to run:
    the image's CMD, compose's commands, the systemd units' ExecStart and the docs' shell
    examples (``docker compose run … strikewatch …``)."""
    import json

    found = {}
    for n, line in enumerate((ROOT / "Dockerfile").read_text().splitlines()):
        if line.startswith(("CMD [", "ENTRYPOINT [")):
            found[f"Dockerfile:{n + 1}"] = json.loads(line.split(" ", 1)[1])
    for name, service in compose()["services"].items():
        if "command" in service:
            found[f"compose.yaml:{name}"] = service["command"]
    for name, unit in systemd_units().items():
        found[name] = shlex.split(unit["Service"]["ExecStart"])
    docs = (ROOT / "docs/deploy.md").read_text(encoding="utf-8")
    for block in re.findall(r"```sh\n(.*?)```", docs, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line.split("#")[0])
            if "strikewatch" in words[:-1] and words[0] in ("docker", "sudo", "strikewatch"):
                found[f"docs/deploy.md: {line.strip()}"] = words[words.index("strikewatch"):]
    return found


def test_every_strikewatch_command_the_deployment_runs_exists_with_its_options():
    argvs = _strikewatch_argvs()
    assert {k.split(":")[0] for k in argvs} >= {"Dockerfile", "compose.yaml", "docs/deploy.md"}
    for where, argv in argvs.items():
        program, *words = argv
        assert program.endswith("strikewatch"), where
        path = [w for w in words[:2] if not w.startswith("-")]
        options = command_options(path)
        while options is None and path:  # the words after the command are its arguments
            path = path[:-1]
            options = command_options(path)
        assert path, f"{where}: no strikewatch command {words[0]!r}"
        given = {w.split("=")[0] for w in words if w.startswith("-")}
        assert given <= options, f"{where}: unknown option(s) {given - options}"


def test_the_console_script_is_the_cli_and_the_healthcheck_path_is_served(tmp_path):
    import tomllib

    from fastapi.testclient import TestClient

    from strikewatch.api import ApiSettings, create_app

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["strikewatch"] == "strikewatch.cli:app"
    health = next(l for l in (ROOT / "Dockerfile").read_text().splitlines()
                  if "urlopen(" in l)
    path = re.search(r"http://127\.0\.0\.1:8000(/[^'\"]*)", health).group(1)
    store = Store(str(tmp_path / "h.db"))
    app = create_app(ApiSettings(read_requires_token=True), store=store)
    assert TestClient(app).get(path).status_code == 200  # answered without a token
    store.close()


def test_every_setting_the_env_example_names_is_read_by_strikewatch():
    """A variable in the env file that no code reads is a setting an operator believes in
    and that does nothing."""
    example = (ROOT / "deploy/strikewatch.env.example").read_text(encoding="utf-8")
    names = set(re.findall(r"^#?\s*(STRIKEWATCH_[A-Z_]+)=", example, re.MULTILINE))
    assert "STRIKEWATCH_ALLOW_INTERNAL_WEBHOOKS" in names
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "src/strikewatch").rglob("*.py"))
    for name in names:
        assert f'"{name}"' in source, f"{name} is in the env example but read nowhere"
