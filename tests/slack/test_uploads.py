"""Admins add documents in a DM: a .txt file downloaded from Slack, or pasted text; the same
checks as seeds/, kept in the state so a restart and every worker see them; listed and removed
with /attache documents and /attache remove."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from support import ADMIN, BOT_TOKEN, DATA, FakeSlack, OwnApp

from store.ingest.read import MAX_BYTES

ARTICLE = (
    "Vietnam and RoK agree to deepen cooperation in semiconductors\n\n"
    "Hanoi (VNA) – Deputy Prime Minister Bui Thanh Son received Korean Ambassador Choi Young-sam "
    "in Hanoi on November 20, 2025. The two sides agreed to expand cooperation in semiconductors "
    "and to raise two-way trade to 150 billion USD by 2030.\n"
)


def file_share(files: list[dict[str, Any]], user: str = ADMIN, text: str = "") -> dict[str, Any]:
    return {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "channel": "D0ADMIN",
        "user": user,
        "text": text,
        "files": files,
        "ts": "1700000000.000900",
        "event_ts": "1700000000.000900",
    }


def dm(text: str, user: str = ADMIN) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "channel": "D0ADMIN",
        "user": user,
        "text": text,
        "ts": "1700000000.000901",
    }


@pytest.fixture
def sent(own: OwnApp, fake_slack: FakeSlack) -> Any:
    def deliver(event: dict[str, Any]) -> str:
        before = len(fake_slack.of("chat.postMessage"))
        assert own.slack.event(event, f"Ev{uuid.uuid4().hex[:12]}").status == 200
        post = fake_slack.of("chat.postMessage")[before]
        assert post.params["channel"] == "D0ADMIN"
        return json.dumps(post.params, ensure_ascii=False)

    return deliver


def test_an_admin_uploads_a_txt_file_and_hears_what_it_holds(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    shared = fake_slack.add_file("semiconductors.txt", ARTICLE.encode())
    answer = sent(file_share([shared]))
    assert "Added semiconductors.txt" in answer
    assert "commitments" in answer and "/attache reseed" in answer
    [download] = fake_slack.of("file_download")
    assert download.authorization == f"Bearer {BOT_TOKEN}"
    [kept] = own.state.uploads.listing()
    assert (kept.name, kept.uploaded_by, kept.size) == (
        "semiconductors.txt",
        ADMIN,
        len(ARTICLE.encode()),
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)), "binary"),
        ("latin1.txt", "Café in Seoul, the RoK agreed.".encode("latin-1"), "not UTF-8"),
        ("blank.txt", b"   \n\n", "empty"),
        ("slides.pdf", b"%PDF-1.4", "only plain-text .txt files"),
        (
            "copy.txt",
            (DATA / "minister_busan_trip.txt").read_bytes(),
            "duplicate of minister_busan_trip.txt",
        ),
        ("captions.txt", b"(Photo: VNA)\n", "no text left after cleaning"),
    ],
)
def test_a_file_a_reseed_would_skip_is_refused_with_the_reason(
    own: OwnApp, fake_slack: FakeSlack, sent: Any, name: str, data: bytes, reason: str
) -> None:
    kind = "text" if name.endswith(".txt") else "pdf"
    answer = sent(file_share([fake_slack.add_file(name, data, filetype=kind)]))
    assert "Not added" in answer and reason in answer
    assert own.state.uploads.listing() == []


def test_a_file_over_the_cap_is_refused_without_downloading(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    shared = {**fake_slack.add_file("huge.txt", b"x"), "size": MAX_BYTES + 1}
    assert "too large" in sent(file_share([shared]))
    assert fake_slack.of("file_download") == []


def test_the_token_is_only_sent_to_slack(own: OwnApp, fake_slack: FakeSlack, sent: Any) -> None:
    shared = fake_slack.add_file("elsewhere.txt", ARTICLE.encode())
    # the same server under another name: not Slack's host, so no token and no download
    shared["url_private_download"] = shared["url_private"].replace("127.0.0.1", "localhost")
    assert "not on Slack's servers" in sent(file_share([shared]))
    assert fake_slack.of("file_download") == []


def test_a_sign_in_page_instead_of_the_file_is_explained(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    shared = fake_slack.add_file("article.txt", b"<html>sign in</html>", content_type="text/html")
    assert "files:read" in sent(file_share([shared]))


def test_a_share_that_says_check_file_info_is_looked_up(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    shared = fake_slack.add_file("looked-up.txt", ARTICLE.encode())
    slim = {"id": shared["id"], "name": "looked-up.txt", "file_access": "check_file_info"}
    assert "Added looked-up.txt" in sent(file_share([slim]))
    assert fake_slack.of("files.info")[0].params["file"] == shared["id"]


def test_someone_else_uploading_is_refused_and_logged(
    own: OwnApp, fake_slack: FakeSlack, sent: Any, caplog: pytest.LogCaptureFixture
) -> None:
    shared = fake_slack.add_file("mine.txt", ARTICLE.encode())
    answer = sent(file_share([shared], user="U777"))
    assert "for the maintainers" in answer
    assert fake_slack.of("file_download") == []
    assert own.state.uploads.listing() == []
    assert any("refused adding documents for user U777" in r.getMessage() for r in caplog.records)


def test_pasted_text_after_add_is_kept(own: OwnApp, sent: Any) -> None:
    slack_formatted = ARTICLE.replace("&", "&amp;") + "See <https://vietnamplus.vn/x|VietnamPlus>."
    answer = sent(dm("add: " + slack_formatted))
    assert "Document added" in answer
    [kept] = own.state.uploads.listing()
    assert kept.name.startswith("pasted-vietnam-and-rok-agree") and kept.name.endswith(".txt")
    [document] = own.state.uploads.documents()
    assert document.text.endswith("See VietnamPlus.") and "<https" not in document.text


def test_a_long_message_from_an_admin_is_a_document_not_a_question(own: OwnApp, sent: Any) -> None:
    assert "Document added" in sent(dm(ARTICLE * 3))
    [document] = own.state.uploads.documents()
    assert document.text.startswith(ARTICLE.split()[0])  # kept whole, from its first letter


def test_the_same_upload_twice_under_another_name_is_a_duplicate(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    sent(file_share([fake_slack.add_file("first.txt", ARTICLE.encode())]))
    again = sent(file_share([fake_slack.add_file("second.txt", ARTICLE.encode() + b"\r\n")]))
    assert "duplicate of uploads/first.txt" in again
    replaced = sent(file_share([fake_slack.add_file("first.txt", ARTICLE.encode() + b"More.\n")]))
    assert "Replaces the earlier upload" in replaced
    assert [u.name for u in own.state.uploads.listing()] == ["first.txt"]


def test_uploads_survive_a_restart_reach_another_worker_and_are_reseeded(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    before = json.dumps(own.slack.command("/search", "semiconductors").json())
    assert "deepen cooperation in semiconductors" not in before
    sent(file_share([fake_slack.add_file("semiconductors.txt", ARTICLE.encode())]))
    with own.another_worker() as other:
        listing = other.command("/attache", "documents", user=ADMIN).json()
        assert "semiconductors.txt" in json.dumps(listing) and "not loaded yet" in json.dumps(
            listing
        )
        reply = other.command(
            "/attache", "reseed", user=ADMIN, response_url=fake_slack.response_url("rs")
        )
        assert "Reseeding" in reply.json()["text"]
        [summary] = fake_slack.of("response_url")
        assert "Reseed done" in summary.params["text"] and "4 documents" in summary.params["text"]
        listing = other.command("/attache", "documents", user=ADMIN).json()
        assert "in the store" in json.dumps(listing)
    found = json.dumps(own.slack.command("/search", "semiconductors").json())
    assert "deepen cooperation in semiconductors" in found  # the upload's title, as its source


def test_an_admin_lists_and_removes_uploads(own: OwnApp, fake_slack: FakeSlack, sent: Any) -> None:
    sent(file_share([fake_slack.add_file("semiconductors.txt", ARTICLE.encode())]))
    removed = own.slack.command("/attache", "remove uploads/semiconductors.txt", user=ADMIN).json()
    assert "Removed semiconductors.txt" in removed["text"]
    assert own.state.uploads.listing() == []
    again = own.slack.command("/attache", "remove semiconductors.txt", user=ADMIN).json()
    assert "No upload named" in again["text"]
    listing = own.slack.command("/attache", "documents", user=ADMIN).json()
    assert "No uploaded documents found" in listing["text"]


def test_someone_else_cannot_remove(own: OwnApp, fake_slack: FakeSlack, sent: Any) -> None:
    sent(file_share([fake_slack.add_file("kept.txt", ARTICLE.encode())]))
    reply = own.slack.command("/attache", "remove kept.txt", user="U777").json()
    assert "for the maintainers" in reply["text"]
    assert [u.name for u in own.state.uploads.listing()] == ["kept.txt"]


def test_more_files_than_one_message_takes_are_named_not_dropped(
    own: OwnApp, fake_slack: FakeSlack, sent: Any
) -> None:
    shared = [
        fake_slack.add_file(
            f"article-{i:02d}.txt", f"{ARTICLE}Note {i}: a later paragraph.\n".encode()
        )
        for i in range(12)
    ]
    answer = sent(file_share(shared))
    assert "Added 10 of 12 documents" in answer
    assert "Not added: article-10.txt" in answer and "Not added: article-11.txt" in answer
    assert "10 files per message" in answer
    assert len(own.state.uploads.listing()) == 10
