"""Overdue termijnen are signalled once to whoever owns the traject, and counted in a report
(DOMAIN.md: every deadline breach visible in the work queue, as a signal and in a report;
the seeds use them to monitor waiting lists)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from .models import Termijn, TermijnStatus


def signaleer_verlopen(vandaag: date | None = None) -> int:
    """Mails each owner one list of their newly overdue termijnen; returns how many."""
    vandaag = vandaag or timezone.localdate()
    nieuw = (
        Termijn.objects.verlopen(vandaag)
        .filter(gesignaleerd_op__isnull=True)
        .select_related("traject__eigenaar", "traject__client", "traject__gemeente")
    )
    per_ontvanger: dict[str, list[Termijn]] = defaultdict(list)
    zonder_eigenaar = []
    for termijn in nieuw:
        eigenaar = termijn.traject.eigenaar
        if eigenaar is not None and eigenaar.email:
            per_ontvanger[eigenaar.email].append(termijn)
        else:
            zonder_eigenaar.append(termijn)
    for email, termijnen in per_ontvanger.items():
        regels = [
            f"- {t.traject.client.naam} ({t.traject.gemeente.naam}): {t.naam}, "
            f"uiterlijk {t.einddatum:%d-%m-%Y}"
            for t in termijnen
        ]
        send_mail(
            subject=f"klantreis: {len(termijnen)} termijn(en) verlopen",
            message="De volgende termijnen zijn verlopen:\n\n" + "\n".join(regels),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    gemeld = [t.pk for ts in per_ontvanger.values() for t in ts] + [t.pk for t in zonder_eigenaar]
    Termijn.objects.filter(pk__in=gemeld).update(gesignaleerd_op=timezone.now())
    return len(gemeld)


@dataclass
class RapportRegel:
    gemeente: str
    route: str
    termijn: str
    open: int = 0
    verlopen: int = 0
    gehaald: int = 0
    te_laat: int = 0

    @property
    def percentage_op_tijd(self) -> float | None:
        afgerond = self.gehaald + self.te_laat
        return round(100 * self.gehaald / afgerond, 1) if afgerond else None


def rapport(gemeente_code: str | None = None, vandaag: date | None = None) -> list[RapportRegel]:
    """Per gemeente, route and termijn: open, overdue, met on time, met late."""
    vandaag = vandaag or timezone.localdate()
    qs = Termijn.objects.filter(vervallen=False).select_related(
        "traject__gemeente", "traject__route_versie"
    )
    if gemeente_code:
        qs = qs.filter(traject__gemeente__code=gemeente_code)
    regels: dict[tuple, RapportRegel] = {}
    for termijn in qs.iterator():
        sleutel = (
            termijn.traject.gemeente.naam,
            termijn.traject.route_versie.route_id,
            termijn.naam,
        )
        regel = regels.setdefault(sleutel, RapportRegel(*sleutel))
        status = termijn.status_op(vandaag)
        veld = {
            TermijnStatus.OPEN: "open",
            TermijnStatus.VERLOPEN: "verlopen",
            TermijnStatus.GEHAALD: "gehaald",
            TermijnStatus.TE_LAAT: "te_laat",
        }[status]
        setattr(regel, veld, getattr(regel, veld) + 1)
    return [regels[k] for k in sorted(regels)]
