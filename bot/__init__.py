"""Attaché's answering core: routing, answers and their renderings. Never imports Slack."""
