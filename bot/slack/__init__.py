"""The only package that imports slack_bolt / slack_sdk: listeners, Block Kit, serving."""
