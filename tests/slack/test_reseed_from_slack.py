"""`/attache reseed` from Slack: acknowledged at once, run in the background, the summary posted
when done, one at a time; `/attache status` shows the last reseed."""

from __future__ import annotations

import json
import threading

from support import ADMIN, FakeSlack, OwnApp

from store.ingest.publish import reseed_lock


def reseed(own: OwnApp, fake_slack: FakeSlack, name: str = "rs", wait: bool = True) -> str:
    reply = own.slack.command(
        "/attache", "reseed", user=ADMIN, response_url=fake_slack.response_url(name), wait=wait
    )
    assert reply.status == 200 and reply.json()["response_type"] == "ephemeral"
    return str(reply.json()["text"])


def test_a_reseed_is_acknowledged_at_once_and_its_summary_posted(
    own: OwnApp, fake_slack: FakeSlack
) -> None:
    (own.seeds / "empty.txt").write_bytes(b"")
    assert "Reseeding" in reseed(own, fake_slack)
    [summary] = fake_slack.of("response_url")
    assert summary.params["response_type"] == "ephemeral"
    assert summary.params["replace_original"] is False
    text = json.dumps(summary.params, ensure_ascii=False)
    assert "Reseed done" in text and "3 documents" in text and "empty.txt: empty" in text
    status = json.dumps(own.slack.command("/attache", "status").json(), ensure_ascii=False)
    assert "by slack:UADMIN1" in status and "took" in status
    assert "1 files skipped" in status and "empty.txt: empty" in status
    [run] = own.state.reseeds.latest()
    assert (run.by, run.outcome) == ("slack:UADMIN1", "ok")


def test_a_second_reseed_while_one_runs_is_refused(own: OwnApp, fake_slack: FakeSlack) -> None:
    with fake_slack.holding("response_url") as arrived:
        # The first reseed is not over until its summary is posted, which the fake holds back.
        assert "Reseeding" in reseed(own, fake_slack, "first", wait=False)
        assert arrived.wait(timeout=20)
        second = reseed(own, fake_slack, "second", wait=False)
        assert "already running" in second and "slack:UADMIN1" in second
    own.slack.settle and own.slack.settle()
    assert [c.params["name"] for c in fake_slack.of("response_url")] == ["first"]
    assert "Reseeding" in reseed(own, fake_slack, "third")


def test_a_reseed_running_elsewhere_is_reported(own: OwnApp, fake_slack: FakeSlack) -> None:
    with reseed_lock(own.settings.database_url):  # another worker, or the server's CLI
        reseed(own, fake_slack)
    [summary] = fake_slack.of("response_url")
    assert "Another reseed of this store is running" in summary.params["text"]
    assert own.state.reseeds.latest()[0].outcome == "busy"


def test_a_failed_reseed_leaves_the_old_store_serving(own: OwnApp, fake_slack: FakeSlack) -> None:
    for document in own.seeds.iterdir():
        document.write_bytes(b"\x00binary")
    reseed(own, fake_slack)
    [summary] = fake_slack.of("response_url")
    assert "The reseed failed; the old store is still serving" in summary.params["text"]
    assert "Busan" in json.dumps(own.slack.command("/visit", "").json())
    assert own.state.reseeds.latest()[0].outcome == "failed"


def test_the_summary_goes_to_the_dm_when_the_response_url_has_expired(
    own: OwnApp, fake_slack: FakeSlack
) -> None:
    reseed(own, fake_slack, name="expired")
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["channel"] == ADMIN and "Reseed done" in post.params["text"]


def test_answers_keep_coming_during_a_reseed(own: OwnApp, fake_slack: FakeSlack) -> None:
    answers: list[str] = []

    def ask() -> None:
        for _ in range(10):
            answers.append(json.dumps(own.slack.command("/visit", "", wait=False).json()))

    asker = threading.Thread(target=ask)
    asker.start()
    reseed(own, fake_slack)
    asker.join(timeout=60)
    assert len(answers) == 10 and all("Busan" in a for a in answers)
