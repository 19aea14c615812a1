"""Signals other contexts may listen to, so they depend on toewijzingen and not the reverse.

``startbericht_verwerkt``: a 305 was accepted for ``toewijzing`` (sent inside the handler's
savepoint, so a listener's changes roll back with it). ``declaraties`` releases payments it
held under "betaling na startbericht" (Heusden).

``verwijderen_gevraagd``: a toewijzing is about to be deleted (RedenWijziging 13); a listener
returns a Dutch reason to refuse, or None. ``declaraties`` refuses when approved prestaties
were declared on it (TR385)."""

from django.dispatch import Signal

startbericht_verwerkt = Signal()
verwijderen_gevraagd = Signal()
