"""One page of a list, and the filters to carry to the next page: every list of the portal
(werkvoorraad, trajecten, declaraties, betaalopdrachten, berichten, verzoeken) pages the same
way, drawn by ``portal/_paginering.html``."""

from django.core.paginator import Page, Paginator


def pagina(request, items, per_pagina: int) -> Page:
    """The page ``?pagina=`` asks for (the last one when it is past the end, the first when
    it is not a number)."""
    return Paginator(items, per_pagina).get_page(request.GET.get("pagina"))


def querystring(request) -> str:
    """The request's query without ``pagina``: the filters the page links keep."""
    zonder = request.GET.copy()
    zonder.pop("pagina", None)
    return zonder.urlencode()
