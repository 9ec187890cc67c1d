"""Downloading a file someone shared with the bot: only from Slack's own file hosts (or the
configured Web API's host), with the bot token, never past the size cap."""

from __future__ import annotations

import logging
import urllib.request
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

DOWNLOAD_TIMEOUT_SECONDS = 10
SLACK_FILE_HOSTS = ("slack.com", "slack-gov.com", "slack-edge.com")


class DownloadRefused(Exception):
    """The file could not be fetched; the message says why, in words for the person."""


def trusted(url: str, api_url: str) -> bool:
    """Whether the bot token may be sent to url: https on a Slack host, or the Web API's own host."""
    parts, api = urlsplit(url), urlsplit(api_url)
    if parts.scheme == api.scheme and parts.netloc and parts.netloc == api.netloc:
        return True
    host = (parts.hostname or "").lower()
    on_slack = any(host == h or host.endswith("." + h) for h in SLACK_FILE_HOSTS)
    return parts.scheme == "https" and on_slack


def download(url: str, token: str, api_url: str, limit: int) -> bytes:
    """The file's bytes (at most limit), or DownloadRefused saying why not."""
    if not trusted(url, api_url):
        raise DownloadRefused("the file is not on Slack's servers")
    request = urllib.request.Request(url, method="GET")
    # Unredirected: a redirect to another host must not carry the token along.
    request.add_unredirected_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:
            kind = response.headers.get_content_type()
            data = response.read(limit + 1)
    except HTTPError as error:
        raise DownloadRefused(f"Slack answered {error.code} for the file") from None
    except (URLError, TimeoutError, OSError) as error:
        logger.warning("could not download a shared file: %s", _reason(error))
        raise DownloadRefused("the file could not be downloaded from Slack; try again") from None
    if kind == "text/html":
        # Slack serves its sign-in page instead of the file when the token lacks files:read.
        raise DownloadRefused(
            "Slack sent a web page instead of the file (is `files:read` granted?)"
        )
    if len(data) > limit:
        raise DownloadRefused(f"too large (over {limit:,} bytes)")
    return data


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", None)
    return str(reason if reason is not None else error)[:200]
