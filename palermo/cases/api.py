"""REST endpoints of the cases app, mounted under /api/v1/ by palermo/api.py."""

from ninja import Router

router = Router(tags=["cases"])
