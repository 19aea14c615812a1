"""klantreis: de klantreis in het sociaal domein (Wmo en Jeugdwet).

Importing this package imports nothing else, so the pure modules (``klantreis.istandaarden``,
``klantreis.termijnen.kalender``) stay free of Django. The Celery app is registered when
Django starts (``berichten.apps``)."""
