"""The iStandaarden rules that need history (controleniveau "berichtoverstijgend"), each a
named function after its code: ``grep -r TR326`` finds the rule and its test. A rule returns
a ``Fout`` attached to the message class it is about (so the retour puts its code there),
or None when it holds."""

from __future__ import annotations

from klantreis.istandaarden import Fout

from .models import MeldingSoort, Toewijzing, Verzoek, ZorgMelding

PAD_START = "/Bericht/Client/StartProducten/StartProduct"
PAD_STOP = "/Bericht/Client/StopProducten/StopProduct"
PAD_VOT = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"
PAD_VOW = "/Bericht/Client/Verzoek"


def _fout(regel: str, retourcode: str, pad: str, melding: str, klasse) -> Fout:
    return Fout(regel=regel, retourcode=retourcode, pad=pad, melding=melding, klasse=klasse)


def zoek_toewijzing(gemeente, aanbieder, bsn: str, nummer: int | None) -> Toewijzing | None:
    if gemeente is None or aanbieder is None or nummer is None:
        return None
    return Toewijzing.objects.filter(
        gemeente=gemeente, aanbieder=aanbieder, client__bsn=bsn, nummer=nummer
    ).first()


def _meldingen(soort, bsn, nummer, begindatum):
    return ZorgMelding.objects.filter(
        soort=soort, bsn=bsn, toewijzing_nummer=nummer, begindatum=begindatum, actueel=True
    )


# --- 305 / 307 -------------------------------------------------------------------------------


def tr019_melding_hoort_bij_toewijzing(toewijzing, product, pad) -> Fout | None:
    """TR019 (9019): a start or stop relates to a toewijzing by its ToewijzingNummer."""
    if toewijzing is None:
        return _fout(
            "TR019",
            "9019",
            pad,
            f"Er is geen toewijzing met nummer {product.toewijzing_nummer} voor deze cliënt en "
            "aanbieder.",
            product,
        )
    return None


def tr074_sleutel_is_nieuw(soort, bsn, product, pad) -> Fout | None:
    """TR074 (9074): a key delivered with StatusAanlevering 1 must be new."""
    qs = _meldingen(soort, bsn, product.toewijzing_nummer, product.begindatum)
    if soort == MeldingSoort.STOP:
        qs = qs.filter(reden_beeindiging=product.reden_beeindiging.value)
    if qs.exists():
        return _fout(
            "TR074",
            "9074",
            pad,
            f"Deze {'start' if soort == MeldingSoort.START else 'stop'} per "
            f"{product.begindatum:%d-%m-%Y} is al eerder ontvangen.",
            product,
        )
    return None


def tr326_geen_actuele_start(toewijzing, product, pad) -> Fout | None:
    """TR326 (9326): a start only when the toegewezen product has no current start (one
    without a stop that was not deleted); OP289: a new start after a stop."""
    starts = toewijzing.meldingen.filter(soort=MeldingSoort.START, actueel=True)
    for start in starts:
        gestopt = toewijzing.meldingen.filter(
            soort=MeldingSoort.STOP, actueel=True, begindatum=start.begindatum
        ).exists()
        if not gestopt:
            return _fout(
                "TR326",
                "9326",
                pad,
                f"Toewijzing {toewijzing.nummer} heeft al een actuele start per "
                f"{start.begindatum:%d-%m-%Y}; eerst moet die gestopt of verwijderd zijn.",
                product,
            )
    return None


def tr063_verwijderen_vraagt_eerdere_aanlevering(soort, bsn, product, pad) -> Fout | None:
    """TR063 (9063): StatusAanlevering 3 needs an earlier delivery with the same key."""
    qs = _meldingen(soort, bsn, product.toewijzing_nummer, product.begindatum)
    if soort == MeldingSoort.STOP:
        qs = qs.filter(reden_beeindiging=product.reden_beeindiging.value)
    if not qs.exists():
        return _fout(
            "TR063",
            "9063",
            pad,
            "Er is geen eerdere aanlevering met dezelfde sleutel om te verwijderen.",
            product,
        )
    return None


def tr071_start_met_stop_niet_verwijderen(bsn, product, pad) -> Fout | None:
    """TR071 (9071): a start cannot be deleted once a stop for it was sent."""
    if _meldingen(MeldingSoort.STOP, bsn, product.toewijzing_nummer, product.begindatum).exists():
        return _fout(
            "TR071",
            "9071",
            pad,
            "Deze start heeft al een stop; verwijder eerst de stop.",
            product,
        )
    return None


def tr382_stop_neemt_sleutel_van_start_over(bsn, product, pad) -> Fout | None:
    """TR382 (9069): the stop carries the key of its start unchanged."""
    if not _meldingen(
        MeldingSoort.START, bsn, product.toewijzing_nummer, product.begindatum
    ).exists():
        return _fout(
            "TR382",
            "9069",
            pad,
            f"Er is geen start per {product.begindatum:%d-%m-%Y} op toewijzing "
            f"{product.toewijzing_nummer} waar deze stop bij hoort.",
            product,
        )
    return None


def tr413_na_tijdelijke_stop_een_definitieve(bsn, product, pad) -> Fout | None:
    """TR413 (9413): after a stop with reden 20 (tijdelijk), the next stop has another reden."""
    eerder = _meldingen(MeldingSoort.STOP, bsn, product.toewijzing_nummer, product.begindatum)
    if product.reden_beeindiging.value == "20" and eerder.filter(reden_beeindiging="20").exists():
        return _fout(
            "TR413",
            "9413",
            pad,
            "Na een tijdelijke stop (reden 20) volgt een definitieve stop met een andere reden.",
            product,
        )
    return None


def tr414_einddatum_niet_voor_eerdere_stop(bsn, product, pad) -> Fout | None:
    """TR414 (9414): a later stop's Einddatum is not before the current stop's."""
    for eerder in _meldingen(MeldingSoort.STOP, bsn, product.toewijzing_nummer, product.begindatum):
        if eerder.einddatum and product.einddatum < eerder.einddatum:
            return _fout(
                "TR414",
                "9414",
                pad,
                f"De einddatum {product.einddatum:%d-%m-%Y} ligt voor die van de eerdere stop "
                f"({eerder.einddatum:%d-%m-%Y}).",
                product,
            )
    return None


def tr415_geen_tweede_definitieve_stop(bsn, product, pad) -> Fout | None:
    """TR415 (9415): no second stop with a reden other than 20."""
    eerder = _meldingen(MeldingSoort.STOP, bsn, product.toewijzing_nummer, product.begindatum)
    if eerder.exclude(reden_beeindiging="20").exists():
        return _fout(
            "TR415",
            "9415",
            pad,
            "Deze levering is al definitief gestopt; een tweede definitieve stop kan niet.",
            product,
        )
    return None


# --- 315 / 317 -------------------------------------------------------------------------------


def tr347_referentie_uniek(aanbieder, wet, referentie: str, klasse, pad) -> Fout | None:
    """TR347 (9347): ReferentieAanbieder is unique for the provider within the wet."""
    if Verzoek.objects.filter(
        aanbieder=aanbieder, wet=wet, referentie_aanbieder=referentie
    ).exists():
        return _fout(
            "TR347", "9347", pad, f"ReferentieAanbieder {referentie} is al eerder gebruikt.", klasse
        )
    return None


def tr374_geen_onderhanden_verzoek(gemeente, aanbieder, bsn: str, klasse, pad) -> Fout | None:
    """TR374 (9374): no request while another of this provider for this client is open."""
    open_ = Verzoek.objects.filter(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client__bsn=bsn,
        status__in=["ontvangen", "in_onderzoek"],
    ).first()
    if open_ is not None:
        return _fout(
            "TR374",
            "9374",
            pad,
            f"Er loopt al een verzoek ({open_.referentie_aanbieder}) voor deze cliënt.",
            klasse,
        )
    return None


def tr349_alle_actuele_toewijzingen_in_verzoek(actueel: set[int], genoemd: set[int], klasse, pad):
    """TR349 (9349): a VOW lists every current toewijzing, unchanged or to change."""
    ontbreekt = sorted(actueel - genoemd)
    if ontbreekt:
        return _fout(
            "TR349",
            "9349",
            pad,
            "Het verzoek noemt niet alle actuele toewijzingen: ontbreekt "
            + ", ".join(str(n) for n in ontbreekt)
            + ".",
            klasse,
        )
    return None


def tr350_ongewijzigd_is_actueel(nummer: int, actueel: set[int], klasse, pad) -> Fout | None:
    """TR350 (9350): every OngewijzigdProduct refers to a current toewijzing."""
    if nummer not in actueel:
        return _fout("TR350", "9350", pad, f"Toewijzing {nummer} is niet actueel.", klasse)
    return None


def tr351_te_wijzigen_is_actueel(nummer: int, actueel: set[int], klasse, pad) -> Fout | None:
    """TR351 (9351): every TeWijzigenProduct refers to a current toewijzing."""
    if nummer not in actueel:
        return _fout("TR351", "9351", pad, f"Toewijzing {nummer} is niet actueel.", klasse)
    return None
