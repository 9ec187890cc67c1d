"""The Home tab view and the payload helpers, on their own."""

from __future__ import annotations

import json

import pytest
from slack_sdk.models.views import View

from bot.slack.home import home_view, read_overview
from bot.slack.payloads import button_query, shared_by, strip_mention
from store.db import Store
from store.queries import StoreOverview


def overview(visits: int = 2, topics: int = 3, text: str = "visit") -> StoreOverview:
    return StoreOverview(
        documents=5,
        visits=[f"{n}: {text}" for n in range(visits)],
        topics=[f"topic {n}" for n in range(topics)],
        reseeded_at="2025-11-22T08:12:00Z",
        reseeded_by="deploy",
        summary={},
    )


def test_the_home_tab_of_the_seeded_store(store: Store) -> None:
    view = home_view(read_overview(store))
    assert view["type"] == "home"
    assert "5 documents" in json.dumps(view)


def test_the_home_tab_has_buttons_for_topics_and_latest_visits_and_local_times(
    store: Store,
) -> None:
    view = home_view(read_overview(store))
    View(**view).validate_json()  # slack_sdk's own model of a view, with Slack's limits
    headers = [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]
    assert headers[1:5] == ["What the store holds", "Latest visits", "Visits by date", "Topics"]
    rows = [b["elements"] for b in view["blocks"] if b["type"] == "actions"]
    visits, topics = rows[0], rows[1]
    assert visits[0]["text"]["text"] == "Luong Cuong, October 30, 2025"  # the newest first
    assert button_query(visits[0]["value"]) == ("/visit Luong Cuong October 2025", 1)
    assert button_query(topics[0]["value"]) == (f"/commitment {topics[0]['text']['text']}", 1)
    assert all(len({b["action_id"] for b in row}) == len(row) for row in rows)


def test_the_reseed_time_is_shown_in_each_readers_own_time() -> None:
    text = json.dumps(home_view(overview()))
    assert "<!date^1763799120^{date_short_pretty} at {time}|2025-11-22T08:12:00Z>" in text


def test_the_home_tab_while_the_store_is_unavailable() -> None:
    assert "unavailable" in json.dumps(home_view(None))


def test_a_huge_store_still_fits_the_home_tab() -> None:
    view = home_view(overview(visits=5000, topics=2000, text="x" * 400))
    assert len(view["blocks"]) <= 100
    for block in view["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150


def test_the_home_tab_escapes_what_the_store_says() -> None:
    text = json.dumps(home_view(overview(text="<!channel> & <@U1>")))
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; &lt;@U1&gt;" in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"q": "/visit august", "p": 2}', ("/visit august", 2)),
        ("{&quot;q&quot;: &quot;/search a &amp; b&quot;, &quot;p&quot;: 1}", ("/search a & b", 1)),
        ('{"q": "/search &lt;x&gt;"}', ("/search <x>", 1)),
        ('{"q": "   "}', None),
        ('{"q": "/visit", "p": 1001}', None),
        ('{"q": "/visit", "p": 1.5}', None),
        ("null", None),
        (None, None),
    ],
)
def test_button_values(raw: object, expected: tuple[str, int] | None) -> None:
    assert button_query(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<@U0BOT> /visit october", "/visit october"),
        ("<@U0BOT|attache>   what about   trade?", "what about trade?"),
        ("ask <@U0BOT> and <@U999>", "ask and <@U999>"),
        ("<@U0BOT>", ""),
        (None, ""),
    ],
)
def test_the_bot_mention_is_stripped(text: object, expected: str) -> None:
    assert strip_mention(text, "U0BOT") == expected


def test_shared_by_only_with_a_real_user_id_and_room() -> None:
    payload = {"text": "t", "blocks": [{"type": "section"}]}
    assert len(shared_by(payload, "U12345")["blocks"]) == 2
    assert shared_by(payload, None) == payload
    full = {"text": "t", "blocks": [{"type": "section"}] * 50}
    assert shared_by(full, "U12345") == full
