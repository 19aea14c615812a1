from pathlib import Path

import pytest

from klantreis.berichten.transports import OptieFout, Uitgaand, maak_transport


def _bericht(**kw):
    data = dict(
        inhoud=b"<Bericht/>",
        bestandsnaam="WMO301_1.xml",
        functie="WMO301",
        afzender="0797",
        ontvanger="41000011",
        identificatie="1",
    )
    data.update(kw)
    return Uitgaand(**data)


def test_verzenden_en_ophalen_via_de_mappen(tmp_path: Path):
    gemeente = maak_transport("directory", {"map": tmp_path, "partij": "0797"})
    aanbieder = maak_transport("directory", {"map": tmp_path, "partij": "41000011"})
    kenmerk = gemeente.verzend(_bericht())
    assert kenmerk == "41000011/inbox/0797/WMO301_1.xml"  # in the sender's folder
    assert (tmp_path / "0797" / "outbox" / "WMO301_1.xml").read_bytes() == b"<Bericht/>"
    ontvangen = list(aanbieder.haal_op())
    assert [(o.bestandsnaam, o.inhoud, o.afzender) for o in ontvangen] == [
        ("WMO301_1.xml", b"<Bericht/>", "0797")
    ]
    # not acknowledged yet: a crash before storing delivers it again
    assert len(list(aanbieder.haal_op())) == 1
    aanbieder.bevestig(ontvangen[0])
    assert list(aanbieder.haal_op()) == []
    assert (tmp_path / "41000011" / "archief" / "WMO301_1.xml").exists()


def test_zelfde_bestandsnaam_overschrijft_niets(tmp_path: Path):
    gemeente = maak_transport("directory", {"map": tmp_path, "partij": "0797"})
    gemeente.verzend(_bericht(inhoud=b"een"))
    gemeente.verzend(_bericht(inhoud=b"twee"))
    inbox = sorted(p.read_bytes() for p in (tmp_path / "41000011" / "inbox" / "0797").iterdir())
    assert inbox == [b"een", b"twee"]


def test_ongeldige_opties_worden_geweigerd(tmp_path: Path):
    with pytest.raises(OptieFout, match="gemeentecode"):
        maak_transport("directory", {"map": tmp_path, "partij": "Heusden"})
    with pytest.raises(OptieFout, match="Onbekend transport"):
        maak_transport("postduif", {})


def test_bestand_buiten_een_afzendermap_heeft_geen_afzender(tmp_path: Path):
    """Only the folder names the sender: a file in inbox/ itself, or in a folder that is no
    party code, is reported without one (and the exchange refuses it)."""
    aanbieder = maak_transport("directory", {"map": tmp_path, "partij": "41000011"})
    inbox = tmp_path / "41000011" / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "los.xml").write_bytes(b"los")
    (inbox / "geen-partij").mkdir()
    (inbox / "geen-partij" / "x.xml").write_bytes(b"x")
    ontvangen = {o.bestandsnaam: o.afzender for o in aanbieder.haal_op()}
    assert ontvangen == {"los.xml": None, "x.xml": None}
    for o in list(aanbieder.haal_op()):
        aanbieder.bevestig(o)
    assert list(aanbieder.haal_op()) == []
