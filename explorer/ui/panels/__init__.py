"""One module per panel; each is ``Panel(client, state, parent=None)`` (see explorer/app.py)."""
