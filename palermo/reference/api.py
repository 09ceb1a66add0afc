"""REST endpoints of the reference app, mounted under /api/v1/ by palermo/api.py."""

from ninja import Router

router = Router(tags=["reference"])
