"""The chain on one machine: a simulated provider (plain Python: codec + transport) and the
``klantreis simulatie`` command that runs a whole traject against it."""
