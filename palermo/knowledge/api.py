"""REST endpoints of the knowledge app, mounted under /api/v1/ by palermo/api.py."""

from ninja import Router

router = Router(tags=["knowledge"])
