"""klantreis: de klantreis in het sociaal domein (Wmo en Jeugdwet)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
