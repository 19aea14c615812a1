"""A simulated provider (plain Python: codec + transport) that reads the gemeente's messages
and answers them. The demo uses it to play the provider's side; ``klantreis simulatie``
(``demo/simulatie.py``) runs a whole traject against it on demo data."""
