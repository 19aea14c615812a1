from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    """``?pagina=2&per_pagina=50`` — the portal's words for page and page size."""

    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 200
