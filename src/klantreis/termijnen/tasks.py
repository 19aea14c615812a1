from celery import shared_task

from .signalen import signaleer_verlopen


@shared_task(name="termijnen.signaleer_verlopen")
def signaleer_verlopen_termijnen() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): one mail per owner with their newly overdue termijnen."""
    return signaleer_verlopen()
