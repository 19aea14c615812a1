"""A document's lifecycle: versions, vaststellen, reopening by a new version (akkoorden are
asked again), refusal of stale copies, and who may write or agree."""

import pytest

from klantreis.accounts.models import Rol
from klantreis.demo.voorbeelden import inhoud
from klantreis.documenten import services
from klantreis.documenten.models import Document, DocumentStatus
from klantreis.routes import engine
from klantreis.tests.factories import ClientFactory, user_met_rol
from klantreis.tests.lopen import actoren

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(heusden):
    wie = actoren(heusden)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    traject.wie = wie
    return traject


def test_nieuwe_versie_heropent_en_vraagt_akkoord_opnieuw(traject):
    wie = traject.wie
    v1 = services.schrijf_versie(
        traject, "ipa", inhoud("ipa"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    document = services.stel_vast(v1.document, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    akkoord = services.geef_akkoord(
        document, rol=Rol.CLIENT, akkoord=True, door=wie[Rol.TOEGANG], door_rol=Rol.TOEGANG
    )
    assert akkoord.namens == traject.client.naam and akkoord.versie == v1
    v2 = services.schrijf_versie(
        traject, "ipa", inhoud("ipa"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    document.refresh_from_db()
    assert (v2.nummer, document.status) == (2, DocumentStatus.CONCEPT)
    assert not v2.akkoorden.exists()


def test_ongeldige_inhoud_wordt_geweigerd_in_het_nederlands(traject):
    wie = traject.wie
    with pytest.raises(services.DocumentFout) as exc:
        services.schrijf_versie(
            traject,
            "iva",
            {"leefdomeinen": [{"leefdomein": "maan"}]},
            door=wie[Rol.TOEGANG],
            rol=Rol.TOEGANG,
        )
    assert "niet volledig of niet juist" in str(exc.value)
    assert not Document.objects.exists()


def test_vaststellen_op_verouderde_kopie_wordt_geweigerd(traject):
    wie = traject.wie
    versie = services.schrijf_versie(
        traject, "iva", inhoud("iva"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    kopie = Document.objects.get(pk=versie.document.pk)
    services.stel_vast(versie.document, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    with pytest.raises(services.DocumentFout, match="intussen gewijzigd"):
        services.stel_vast(kopie, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)


def test_alleen_de_rol_van_de_stap_schrijft_het_document(traject):
    wie = traject.wie
    with pytest.raises(services.DocumentFout, match="Dit document schrijven is voor"):
        services.schrijf_versie(
            traject, "iva", inhoud("iva"), door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE
        )
    # Heusden: the provider writes the ondersteuningsplan; another provider may not
    traject.aanbieder = wie.aanbieder
    traject.save()
    services.schrijf_versie(
        traject,
        "ondersteuningsplan",
        inhoud("ondersteuningsplan"),
        door=wie[Rol.AANBIEDER],
        rol=Rol.AANBIEDER,
    )
    from klantreis.tests.factories import AanbiederFactory

    ander = user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory())
    with pytest.raises(services.DocumentFout, match="niet voor de aanbieder"):
        services.schrijf_versie(
            traject,
            "ondersteuningsplan",
            inhoud("ondersteuningsplan"),
            door=ander,
            rol=Rol.AANBIEDER,
        )


def test_akkoord_in_andermans_rol_wordt_geweigerd(traject):
    wie = traject.wie
    versie = services.schrijf_versie(
        traject, "iva", inhoud("iva"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    with pytest.raises(services.DocumentFout):
        services.geef_akkoord(
            versie.document,
            rol=Rol.TOEGANG,
            akkoord=True,
            door=wie[Rol.BACKOFFICE],
            door_rol=Rol.TOEGANG,
        )


def test_afgesloten_traject_weigert_nieuwe_versie_en_akkoord(traject):
    wie = traject.wie
    versie = services.schrijf_versie(
        traject, "iva", inhoud("iva"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    engine.close(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="Vraag ingetrokken")
    with pytest.raises(services.DocumentFout, match="afgesloten"):
        services.schrijf_versie(
            traject, "iva", inhoud("iva"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
        )
    with pytest.raises(services.DocumentFout, match="afgesloten"):
        services.geef_akkoord(
            versie.document,
            rol=Rol.CLIENT,
            akkoord=True,
            door=wie[Rol.TOEGANG],
            door_rol=Rol.TOEGANG,
        )


def test_hoofdaannemer_schrijft_voor_zijn_onderaannemer(traject):
    from klantreis.tests.factories import AanbiederFactory

    wie = traject.wie
    hoofd = AanbiederFactory()
    hoofd.onderaannemers.add(wie.aanbieder)
    traject.aanbieder = wie.aanbieder
    traject.save()
    medewerker = user_met_rol(Rol.AANBIEDER, aanbieder=hoofd)
    versie = services.schrijf_versie(
        traject,
        "ondersteuningsplan",
        inhoud("ondersteuningsplan"),
        door=medewerker,
        rol=Rol.AANBIEDER,
    )
    assert versie.gemaakt_door == medewerker


def test_ongeldige_inhoud_geeft_nederlandse_meldingen(traject):
    wie = traject.wie
    with pytest.raises(services.DocumentFout) as exc:
        services.schrijf_versie(
            traject,
            "iva",
            {"leefdomeinen": [{"leefdomein": "maan"}]},
            door=wie[Rol.TOEGANG],
            rol=Rol.TOEGANG,
        )
    assert "Zelfredzaamheid: Dit veld is verplicht." in str(exc.value)
    assert "is not one of" not in str(exc.value)
