"""Celery application. In the embedded demo tasks run eagerly (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.settings.dev")

app = Celery("klantreis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
