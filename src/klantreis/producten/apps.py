from django.apps import AppConfig


class ProductenConfig(AppConfig):
    name = "klantreis.producten"
    verbose_name = "Producten en segmenten"
