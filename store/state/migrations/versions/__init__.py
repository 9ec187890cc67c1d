"""One module per state-store revision, oldest first (Alembic reads them; nothing imports them)."""
