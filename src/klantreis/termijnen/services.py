"""Creating, meeting, moving and closing a traject's termijnen. The route engine calls these
on step events; the exchange will call them on message events. Dates come from the pure
calendar (``kalender``), and every date carries its explanation."""

from __future__ import annotations

from datetime import date

from .kalender import Kalender
from .models import Termijn, TermijnBeleid


def _duur_voor(traject, definitie) -> tuple[str, list[str]]:
    beleid = (
        TermijnBeleid.objects.filter(gemeente=traject.gemeente, sleutel=definitie.sleutel)
        .filter(route_id__in=[traject.route_versie.route_id, ""])
        .order_by("-route_id")  # a route-specific policy wins over a general one
        .first()
    )
    if beleid is None:
        return definitie.duur, []
    uitleg = [
        f"Gemeente {traject.gemeente.naam} hanteert {beleid.duur} in plaats van "
        f"{definitie.duur}{': ' + beleid.toelichting if beleid.toelichting else ''}."
    ]
    return beleid.duur, uitleg


def maak_termijn(traject, definitie, startdatum: date, *, kalender: Kalender | None = None):
    duur, uitleg = _duur_voor(traject, definitie)
    berekening = (kalender or Kalender()).bereken(
        startdatum, duur, atw=definitie.atw, terugrekenen=definitie.terugrekenen
    )
    return Termijn.objects.create(
        traject=traject,
        sleutel=definitie.sleutel,
        naam=definitie.naam,
        duur=duur,
        bron=definitie.bron,
        startdatum=startdatum,
        einddatum=berekening.einddatum,
        oorspronkelijke_einddatum=berekening.einddatum,
        uitleg=[*uitleg, *berekening.uitleg],
        signaal=definitie.signaal,
    )


def _past(definitie, traject) -> bool:
    return not definitie.wetten or traject.wet in definitie.wetten


def bij_stap(traject, stap_id: str, moment: str, op: date) -> None:
    """A step began or ended: meet the termijnen that end here, start those that begin here
    (one open termijn per sleutel at a time)."""
    route = traject.route
    for definitie in route.termijnen:
        if not _past(definitie, traject):
            continue
        if definitie.einde.stap == stap_id and definitie.einde.moment == moment:
            Termijn.objects.lopend().filter(traject=traject, sleutel=definitie.sleutel).update(
                voldaan_op=op
            )
    lopend = set(Termijn.objects.lopend().filter(traject=traject).values_list("sleutel", flat=True))
    for definitie in route.termijnen:
        if (
            _past(definitie, traject)
            and definitie.start.stap == stap_id
            and definitie.start.moment == moment
            and definitie.sleutel not in lopend
        ):
            maak_termijn(traject, definitie, op)


def bij_bericht(
    traject,
    berichtcode: str,
    op: date,
    *,
    startdatum: date | None = None,
    in_onderzoek: bool = False,
    verzoekdatum: date | None = None,
) -> None:
    """A message for this traject was sent or received on ``op``: start the termijnen that
    count from it, then meet those that end with it.

    A termijn counts from ``op`` (OP090: a retour within 3 werkdagen of receipt), except:
    one that starts and ends on the same message measures that message against the date it
    carries, ``startdatum`` (OP271/OP272: the 305/307 within 5 werkdagen of the actual start
    or stop; it is created and met at once, on time or late); one with ``vanaf: verzoek``
    counts from the request's dagtekening, ``verzoekdatum`` (OP274). ``in_onderzoek``: this
    is a 319 with VerzoekAntwoord 2, which starts the 8-week term and answers nothing final."""
    route = traject.route
    lopend = set(Termijn.objects.lopend().filter(traject=traject).values_list("sleutel", flat=True))
    for definitie in route.termijnen:
        if (
            _past(definitie, traject)
            and definitie.start.noemt(berichtcode, in_onderzoek=in_onderzoek)
            and definitie.sleutel not in lopend
        ):
            vanaf = op
            if definitie.start.vanaf == "verzoek" and verzoekdatum is not None:
                vanaf = verzoekdatum
            elif definitie.einde.noemt(berichtcode, in_onderzoek=in_onderzoek):
                vanaf = startdatum or op
            maak_termijn(traject, definitie, vanaf)
    for definitie in route.termijnen:
        if _past(definitie, traject) and definitie.einde.noemt(
            berichtcode, in_onderzoek=in_onderzoek
        ):
            Termijn.objects.lopend().filter(traject=traject, sleutel=definitie.sleutel).update(
                voldaan_op=op
            )


def datum_uit_inhoud(inhoud: dict, veld: str) -> date | None:
    """The date a route names in a document: ``"einddatum"`` or ``"producten[].einddatum"``
    (then the latest of the list counts)."""
    if "[]." in veld:
        lijst, sleutel = veld.split("[].", 1)
        waarden = [item.get(sleutel) for item in inhoud.get(lijst, []) if isinstance(item, dict)]
    else:
        waarden = [inhoud.get(veld)]
    datums = [date.fromisoformat(w) for w in waarden if isinstance(w, str) and w]
    return max(datums, default=None)


def bij_document(traject, soort: str, inhoud: dict, op: date) -> None:
    """A document was fixed: (re)start the termijnen that count from a date in it, e.g. the
    follow-up request 8 weeks before the end of the beschikking (Heusden stap 10). A new
    version with another date replaces the open termijn, and says so."""
    for definitie in traject.route.termijnen:
        if definitie.start.document != soort or not _past(definitie, traject):
            continue
        datum = datum_uit_inhoud(inhoud, definitie.start.veld)
        lopend = Termijn.objects.lopend().filter(traject=traject, sleutel=definitie.sleutel)
        if datum is None or lopend.filter(startdatum=datum).exists():
            continue
        laat_vervallen(lopend, f"Vervallen op {op:%d-%m-%Y}: een nieuwe versie van het document.")
        maak_termijn(traject, definitie, datum)


def laat_vervallen(termijnen, reden: str) -> None:
    for termijn in termijnen:
        termijn.vervallen = True
        termijn.uitleg = [*termijn.uitleg, reden]
        termijn.save(update_fields=["vervallen", "uitleg"])


def verschuif_lopende(traject, dagen: int, reden: str) -> None:
    """Suspension: every open termijn moves by the suspended days, and says so."""
    if dagen <= 0:
        return
    kalender = Kalender()
    for termijn in Termijn.objects.lopend().filter(traject=traject):
        berekening = kalender.verschuif(termijn.einddatum, dagen, reden=reden)
        termijn.einddatum = berekening.einddatum
        termijn.uitleg = [*termijn.uitleg, *berekening.uitleg]
        termijn.save(update_fields=["einddatum", "uitleg"])
