"""Errors the store raises for its callers to translate into messages."""

from __future__ import annotations


class StoreError(Exception):
    """Base class of the store's errors."""


class StoreUnavailable(StoreError):
    """The database cannot be read now (missing, locked, corrupt or down)."""


class ReseedFailed(StoreError):
    """A reseed could not build a usable store; the previous store is untouched."""


class ReseedInProgress(ReseedFailed):
    """Another reseed holds the lock."""
