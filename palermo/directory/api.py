"""REST endpoints of the directory app, mounted under /api/v1/ by palermo/api.py."""

from ninja import Router

router = Router(tags=["directory"])
