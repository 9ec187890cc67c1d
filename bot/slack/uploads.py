"""Admins add documents in a direct message: a .txt file shared with the bot, or `add:` followed
by the text (or any message too long to be a question). The same read and clean checks as for
seeds/ apply; the document is kept in the state store and the reply says what it holds or why
it was refused."""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer import Answer, Item
from bot.config import Settings
from bot.core import MAX_QUERY_CHARS
from bot.slack.attache import refuse
from bot.slack.files import DownloadRefused, download
from store.ingest.read import MAX_BYTES, RawDocument
from store.intake import Preview, duplicate_of, pasted_name, preview, read_upload, upload_name
from store.state import StateStore, StateUnavailable
from store.state.uploads import PREFIX, UploadRaced

logger = logging.getLogger(__name__)

MAX_FILES = 10
ADD = re.compile(r"^\s*add\s*:\s*", re.IGNORECASE)
_LINK = re.compile(r"<(?:(?:https?|mailto):[^|>]*\|([^>]*)|((?:https?|mailto):[^>]*)|[@#!][^>]*)>")


@dataclass(frozen=True)
class Sender:
    """Who sent the DM and what storing a document needs."""

    user_id: str | None
    settings: Settings
    state: StateStore | None
    client: WebClient

    @property
    def admin(self) -> bool:
        return self.user_id in self.settings.admin_user_ids


def document_answer(event: dict[str, Any], sender: Sender) -> Answer | None:
    """The reply to a DM that brings a document, or None when the DM is a question."""
    files = event.get("files") if event.get("subtype") == "file_share" else None
    text = event["text"] if isinstance(event.get("text"), str) else ""
    if isinstance(files, list) and files:
        if not sender.admin:
            return refuse("adding documents", sender.user_id, "Adding documents")
        taken = [_take_file(f, sender) for f in files[:MAX_FILES]]
        return _report(taken + [_not_taken(f) for f in files[MAX_FILES:]])
    added = ADD.match(text)
    if not added and not (sender.admin and len(text) > MAX_QUERY_CHARS):
        return None
    if not sender.admin:
        return refuse("adding documents", sender.user_id, "Adding documents")
    return _report([_take_pasted(plain_text(text[added.end() if added else 0 :]), sender)])


def plain_text(slack_text: str) -> str:
    """Text as typed, from Slack's message format: links to their labels, mentions dropped."""
    unlinked = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", slack_text)
    return html.unescape(unlinked.replace("&lt;", "<").replace("&gt;", ">"))


def _take_file(file: Any, sender: Sender) -> Item:
    if not isinstance(file, dict):
        return _refused("a file", "Slack did not describe the file")
    shown = str(file.get("name") or file.get("title") or file.get("id") or "a file")[:100]
    snippet = file.get("filetype") == "text" and "." not in shown  # a text snippet: "Untitled"
    name = upload_name(f"{shown}.txt" if snippet else shown)
    if name is None:
        return _refused(shown, "only plain-text .txt files can be added")
    size = file.get("size")
    if isinstance(size, int) and size > MAX_BYTES:
        return _refused(name, f"too large ({size:,} bytes > {MAX_BYTES:,})")
    try:
        data = download(
            _url(file, sender.client),
            sender.settings.slack_bot_token or "",
            sender.settings.slack_api_url,
            MAX_BYTES,
        )
    except DownloadRefused as why:
        return _refused(name, str(why))
    document = read_upload(name, data)
    return (
        _keep(document, len(data), sender)
        if isinstance(document, RawDocument)
        else _refused(name, document)
    )


def _not_taken(file: Any) -> Item:
    shown = file.get("name") or file.get("title") if isinstance(file, dict) else None
    return _refused(
        str(shown or "a file")[:100],
        f"only {MAX_FILES} files per message are taken; send the rest in another message",
    )


def _take_pasted(text: str, sender: Sender) -> Item:
    data = text.encode("utf-8")
    document = read_upload("pasted.txt", data)
    if isinstance(document, str):
        return _refused("the pasted text", document)
    named = RawDocument(pasted_name(text, document.sha256), document.text, document.sha256)
    return _keep(named, len(data), sender)


def _url(file: dict[str, Any], client: WebClient) -> str:
    url = file.get("url_private_download") or file.get("url_private")
    if not url and isinstance(file.get("id"), str):
        # Some shares only say file_access: check_file_info; files.info has the rest.
        try:
            url = (client.files_info(file=file["id"]).get("file") or {}).get("url_private")
        except SlackApiError as error:
            raise DownloadRefused(
                f"Slack would not describe the file ({error.response.get('error')})"
            ) from None
    if not isinstance(url, str):
        raise DownloadRefused("Slack did not say where the file is")
    return url


def _keep(document: RawDocument, size: int, sender: Sender) -> Item:
    state = sender.state
    if state is None:
        return _refused(document.name, "the bot's records are unavailable; try again shortly")
    try:
        earlier = state.uploads.named_like(document.sha256)
        if earlier is not None and earlier != document.name:
            return _refused(document.name, f"duplicate of {PREFIX}{earlier}")
        replacing = state.uploads.content_of(document.name)  # what "replace" means, checked again
        seed = duplicate_of(document, sender.settings.seeds_dir)
        if seed is not None:
            return _refused(document.name, f"duplicate of {seed} in seeds/")
        found = preview(document)
        if isinstance(found, str):
            return _refused(document.name, found)
        replaced = state.uploads.add(
            document, size, sender.user_id or "unknown", replacing=replacing
        )
    except UploadRaced as why:
        return _refused(document.name, str(why))
    except StateUnavailable as error:
        logger.error("could not store an upload: %s", error)
        return _refused(document.name, "the bot's records are unavailable; try again shortly")
    logger.info("upload %s (%d bytes) stored for %s", document.name, size, sender.user_id)
    return _added(document.name, found, replaced)


def _added(name: str, found: Preview, replaced: bool) -> Item:
    lines = [
        f"Title: {found.title}",
        f"{found.passages} passages ({found.off_topic} off-topic) · {found.people} people · "
        f"{found.visits} visits · {found.commitments} commitments · {found.figures} figures",
    ]
    if replaced:
        lines.append("Replaces the earlier upload of that name.")
    lines.append("In the answers after `/attache reseed`.")
    return Item(title=f"Added {name}", lines=tuple(lines))


def _refused(name: str, reason: str) -> Item:
    return Item(title=f"Not added: {name}", lines=(f"Refused: {reason}",))


def _report(items: list[Item]) -> Answer:
    added = sum(1 for item in items if item.title.startswith("Added "))
    heading = (
        f"Added {added} of {len(items)} documents"
        if len(items) > 1
        else ("Document added" if added else "Document not added")
    )
    return Answer(
        query="adding documents",
        intent="help",
        heading=heading,
        items=tuple(items),
        total=len(items),
        page_size=max(1, len(items)),
    )
