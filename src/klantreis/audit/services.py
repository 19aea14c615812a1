"""Writing the audit log. Call only after the user was shown the data: a refused (404) read
is not a read."""

from __future__ import annotations

from klantreis.toegang import beleid as toegang

from .models import Inzage, Via


def bsn_van(obj) -> str:
    """The client's BSN of a record (a client, or anything with a client or a traject)."""
    if obj is None:
        return ""
    if hasattr(obj, "bsn") and type(obj).__name__ in ("Client", "Prestatie"):
        return obj.bsn or ""
    client = getattr(obj, "client", None)
    if client is not None:
        return client.bsn or ""
    traject = getattr(obj, "traject", None)
    if traject is not None:
        return bsn_van(traject)
    return ""


def log_inzage(
    request,
    obj=None,
    *,
    via: str,
    model: str | None = None,
    aantal=None,
    reden: str = "",
    toelichting: str = "",
):
    """One row: who (request.user), what (the object, or a model name and a count for a list),
    via portal or API, why: ``reden`` — the relation that granted access, derived from the
    visibility rule (``toegang.beleid.grondslag``) unless given — and the user's own
    ``toelichting`` when they gave one; the requested path is kept beside them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not reden:
        reden = _grondslag(request, user, obj) if obj is not None else toegang.grondslag_lijst(user)
    return Inzage.objects.create(
        user=user,
        model=model or (obj._meta.model_name if obj is not None else ""),
        object_pk=str(obj.pk) if obj is not None else "",
        client_bsn=bsn_van(obj),
        aantal=aantal,
        via=via,
        reden=reden[:500],
        doorbraak=reden.startswith(toegang.DOORBRAAK),
        toelichting=schone_toelichting(toelichting),
        pad=request.get_full_path()[:500],
    )


def _grondslag(request, user, obj) -> str:
    """The relation, computed once per request and traject: a traject page logs the traject
    and each of its documents, all for the same reason."""
    traject = getattr(obj, "traject", None) if not hasattr(obj, "huidige_stap") else obj
    sleutel = ("traject", traject.pk) if traject is not None else (type(obj).__name__, obj.pk)
    cache = request.__dict__.setdefault("_klantreis_grondslagen", {})
    if sleutel not in cache:
        cache[sleutel] = toegang.grondslag(user, traject if traject is not None else obj)
    return cache[sleutel]


def schone_toelichting(tekst) -> str:
    """A reason typed by a user: one line, no control characters (PostgreSQL refuses NUL),
    at most 500 characters."""
    tekst = "".join(ch if ch.isprintable() else " " for ch in str(tekst or ""))
    return " ".join(tekst.split())[:500]


__all__ = ["Via", "bsn_van", "log_inzage", "schone_toelichting"]
