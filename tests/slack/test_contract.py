"""The docs stay honest: manifest ⇔ registered listeners ⇔ README ⇔ Procfile, and the layers."""

from __future__ import annotations

import ast
import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from support import FakeSlack, SlackClient

from bot.config import Settings, web_concurrency
from bot.slack.attache import ADMIN_ONLY, WORDS
from bot.slack.listeners.commands import COMMANDS, MAINTAINERS
from store.state import StateStore

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "manifest.json").read_text())
SOCKET_MANIFEST = json.loads((ROOT / "manifest.socket.json").read_text())
README = (ROOT / "README.md").read_text()
# Each subscribed event, the event Slack sends for it, and what the bot does with it.
EVENTS = {
    "app_mention": ({"type": "app_mention", "text": "<@U0BOT> /visit august"}, "chat.postMessage"),
    "message.im": ({"type": "message", "channel_type": "im", "text": "/visit"}, "chat.postMessage"),
    "app_home_opened": ({"type": "app_home_opened", "tab": "home"}, "views.publish"),
    # replies in a thread the bot has answered in (THREADED: the thread it remembers)
    "message.channels": (
        {"type": "message", "channel_type": "channel", "channel": "C777", "text": "more"},
        "chat.postMessage",
    ),
    "message.groups": (
        {"type": "message", "channel_type": "group", "channel": "G777", "text": "more"},
        "chat.postMessage",
    ),
}
THREADED = "1.0"


def manifest_commands() -> list[str]:
    return [c["command"] for c in MANIFEST["features"]["slash_commands"]]


def test_the_manifest_lists_exactly_the_registered_commands() -> None:
    assert sorted(manifest_commands()) == sorted([*COMMANDS, MAINTAINERS])


@pytest.mark.parametrize("command", manifest_commands())
def test_every_manifest_command_is_answered_and_documented(
    slack: SlackClient, command: str
) -> None:
    reply = slack.command(command, "help")
    assert reply.status == 200 and reply.json()["response_type"] == "ephemeral"
    assert f"`{command}" in README


def test_the_manifest_subscribes_to_exactly_the_events_with_listeners() -> None:
    assert sorted(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == sorted(EVENTS)


@pytest.mark.parametrize("subscription", sorted(EVENTS))
def test_every_subscribed_event_is_handled_and_documented(
    slack: SlackClient, fake_slack: FakeSlack, settings: Settings, subscription: str
) -> None:
    event, effect = EVENTS[subscription]
    common = {"user": "U123", "channel": "D123", "ts": "1.1", "event_ts": "1.1"}
    if event.get("channel_type") in ("channel", "group"):
        StateStore.open(settings.database_url).threads.remember(
            event["channel"], THREADED, "/visit"
        )
        event = {**event, "thread_ts": THREADED}
    assert slack.event({**common, **event}, f"Ev{uuid.uuid4().hex[:12]}").status == 200
    assert len(fake_slack.of(effect)) == 1
    assert f"`{subscription}`" in README


def test_the_manifest_points_everything_at_one_endpoint() -> None:
    urls = [c["url"] for c in MANIFEST["features"]["slash_commands"]]
    urls += [
        MANIFEST["settings"]["event_subscriptions"]["request_url"],
        MANIFEST["settings"]["interactivity"]["request_url"],
    ]
    assert {url.split("://", 1)[1].split("/", 1)[1] for url in urls} == {"slack/events"}
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True


def test_the_readme_says_why_each_scope_is_there() -> None:
    """One row per requested scope in the README's scopes table, with its reason; no other rows."""
    table = README.split("| scope | why |", 1)[1].split("\n\n", 1)[0]
    rows = {
        cells[1].strip("` "): cells[2].strip()
        for line in table.splitlines()
        if (cells := line.split("|")) and len(cells) > 3 and cells[1].strip().startswith("`")
    }
    assert sorted(rows) == sorted(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert all(len(reason) > 20 for reason in rows.values())


def test_no_scope_is_asked_for_beyond_what_is_used() -> None:
    """Least privilege: posting where the bot was not invited (chat:write.public) is not needed."""
    assert sorted(MANIFEST["oauth_config"]["scopes"]["bot"]) == [
        "app_mentions:read",  # the app_mention event
        "channels:history",  # message.channels: follow-ups in threads the bot answered in
        "chat:write",  # replies to mentions and DMs, Share in channel after the button expired
        "commands",  # the slash commands
        "files:read",  # files.info and downloads of the documents admins send
        "groups:history",  # message.groups: the same in private channels
        "im:history",  # the message.im event
    ]


def test_the_socket_mode_manifest_is_the_same_app_without_urls() -> None:
    def without_urls(manifest: Any) -> Any:
        if isinstance(manifest, dict):
            return {
                k: without_urls(v)
                for k, v in manifest.items()
                if k not in ("url", "request_url", "socket_mode_enabled")
            }
        return [without_urls(v) for v in manifest] if isinstance(manifest, list) else manifest

    assert SOCKET_MANIFEST["settings"]["socket_mode_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is False
    assert "YOUR-HOST" not in json.dumps(SOCKET_MANIFEST)  # Socket Mode needs no public URL
    assert without_urls(SOCKET_MANIFEST) == without_urls(MANIFEST)


def test_the_procfile_runs_gunicorn_with_web_concurrency_workers_and_reseeds_on_release(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line
    )
    assert lines["release"] == "python -m store reseed"
    web = lines["web"]
    assert web.startswith("gunicorn ") and "bot.slack.wsgi:application" in web
    assert "-c python:bot.slack.gunicorn_conf" in web
    # The workers come from WEB_CONCURRENCY (the config's default is 2): --workers would win.
    assert not re.search(r"(--workers|-w)\b", web)
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    assert web_concurrency() == 2
    assert "--bind 0.0.0.0:$PORT" in web
    assert " ".join(web.split()) in " ".join(README.split())


def test_the_quickstart_is_still_two_command_lines() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = quickstart.split("```sh\n", 1)[1].split("```", 1)[0]
    assert len(block.strip().splitlines()) == 2
    assert README.index("## Quickstart") < README.index("## Slack")


def test_the_readme_names_every_variable_the_slack_layer_reads() -> None:
    section = README.split("## Slack", 1)[1].split("\n## ", 1)[0]
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "DATABASE_URL",
        "ADMIN_USER_IDS",
        "LOG_LEVEL",
        "PORT",
        "QUERY_LOG_SALT",
        "QUERY_LOG_RETENTION_DAYS",
    ):
        assert f"`{name}`" in section


def imports(path: Path) -> set[str]:
    tree: Any = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in sorted((ROOT / "bot").rglob("*.py")) if "slack" not in p.relative_to(ROOT).parts]
    + sorted((ROOT / "store").rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_bot_slack_imports_slack(path: Path) -> None:
    assert not imports(path) & {"slack_bolt", "slack_sdk", "slack"}


def attache_usage() -> str:
    [attache] = [c for c in MANIFEST["features"]["slash_commands"] if c["command"] == MAINTAINERS]
    return str(attache["usage_hint"])


def test_the_manifest_lists_exactly_the_attache_words() -> None:
    hinted = [part.split()[0] for part in attache_usage().split(" | ")]
    assert sorted(hinted) == sorted(WORDS)


@pytest.mark.parametrize("word", WORDS)
def test_every_attache_word_is_answered_and_documented(slack: SlackClient, word: str) -> None:
    reply = slack.command(MAINTAINERS, word, user="U777")
    assert reply.status == 200 and reply.json()["response_type"] == "ephemeral"
    if word in ADMIN_ONLY:
        assert "for the maintainers" in reply.json()["text"]
    assert f"`/attache {word}" in README


def test_maintaining_the_store_is_documented() -> None:
    section = README.split("## Maintaining the store", 1)[1].split("\n## ", 1)[0]
    for needed in (
        "seeds/",
        "upload",
        "/attache reseed",
        "/attache report",
        "/attache documents",
        "/attache remove",
        "QUERY_LOG_SALT",
        "QUERY_LOG_RETENTION_DAYS",
        "files:read",
    ):
        assert needed in section


def test_every_variable_in_env_example_has_a_comment_line_above_it() -> None:
    lines = (ROOT / ".env.example").read_text().splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert number > 0 and lines[number - 1].startswith("#"), line
    names = {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}
    assert {"QUERY_LOG_SALT", "QUERY_LOG_RETENTION_DAYS"} <= names


def test_bot_slack_has_no_import_loop() -> None:
    """Every import among bot.slack's modules, including those inside functions (a late import is
    how a loop hides), points one way: no module reaches itself."""
    package = ROOT / "bot" / "slack"
    names = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in package.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                imported |= {a.name for a in node.names}
        graph[name] = {other for other in imported if other in names and other != name}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for other in graph[start]:
            if other == goal or (other not in seen and reaches(other, goal, seen | {other})):
                return True
        return False

    assert sorted(name for name in graph if reaches(name, name, {name})) == []


def test_the_readme_documents_every_attache_command() -> None:
    """The `attache` table in the README has one row per command the program takes."""
    import argparse

    from bot.__main__ import command_line

    section = README.split("### The `attache` command", 1)[1].split("\n#", 1)[0]
    first_cells = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    documented = {name for cell in first_cells for name in re.findall(r"`attache ?(\w*)", cell)}
    [subcommands] = [
        action.choices
        for action in command_line()._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    assert documented == {"", *subcommands}
