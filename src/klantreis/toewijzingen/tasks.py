from celery import shared_task

from .cak import exporteer_per_gemeente


@shared_task(name="toewijzingen.cak_exporteren")
def cak_exporteren() -> list[str]:
    """Daily (CELERY_BEAT_SCHEDULE): the CAK notices still waiting, one delivery per
    gemeente, so the eigen bijdrage does not wait for someone to export by hand."""
    return exporteer_per_gemeente()
