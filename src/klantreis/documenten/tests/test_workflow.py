"""The document lifecycle (documenten/workflow.py): every pair of states, allowed or refused,
on real rows; a move from a stale copy does nothing."""

import pytest

from klantreis.accounts.models import Rol
from klantreis.documenten import workflow
from klantreis.documenten.models import Document, DocumentStatus
from klantreis.routes import engine
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren
from klantreis.tests.overgangen import controleer_paar, paren

pytestmark = pytest.mark.django_db

D = DocumentStatus
VERWACHT = {
    (D.CONCEPT, D.VASTGESTELD),
    (D.VASTGESTELD, D.CONCEPT),
    (D.CONCEPT, D.VERVALLEN),
    (D.VASTGESTELD, D.VERVALLEN),
}


@pytest.mark.parametrize(("van", "naar"), paren(workflow.DOCUMENT))
def test_document_elk_paar(heusden, van, naar):
    wie = actoren(heusden)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    document = Document.objects.create(traject=traject, soort="iva", status=van)
    controleer_paar(workflow.DOCUMENT, document, van, naar, (van, naar) in VERWACHT)


def test_een_document_begint_als_concept():
    assert workflow.DOCUMENT.statussen == set(DocumentStatus.values)
    assert Document._meta.get_field("status").default == D.CONCEPT
    assert workflow.DOCUMENT.begin == {D.CONCEPT}
