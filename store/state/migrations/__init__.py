"""The state store's Alembic history: env.py and one module per revision under versions/."""
