"""The REST API under ``/api/v1``, one module per resource, each an ``APIRouter``.

Routes only parse and check input, call the stage functions (``pipeline``, ``fuse``,
``review``, ``brief``, ``export``, ``alerts``), the store's incident queries or the paged
queries of ``web.queries``, and turn named errors into JSON errors; ``deps`` holds what they
all take (the store, the caller's role, paging, filters). ``api.create_app`` includes
``ROUTERS`` in this order, which is the order of the API's documentation.
"""

from . import access, alerts, briefing, claims, documents, exports, incidents, ingest, map, review

ROUTERS = [access.router, documents.router, incidents.router, claims.router, briefing.router,
           exports.router, ingest.router, review.router, map.router, alerts.router]

__all__ = ["ROUTERS"]
