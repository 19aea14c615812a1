"""Browser tests: Playwright drives Debian's Chromium through the portal served by
pytest-django's ``live_server``. One browser per test session, a fresh context (cookies,
storage) per test. Screenshots and axe-core results go to ``test-artefacten/<database>/`` at
the root of the checkout (git-ignored; ``KLANTREIS_TEST_ARTEFACTEN`` chooses another folder).

Chromium comes from Debian (``scripts/chromium.sh``, run by ``make test``); Playwright's own
browser download cannot work on a closed network. Without ``/usr/bin/chromium`` these tests
are skipped with a Dutch reason, never silently passed."""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

CHROMIUM = Path(os.environ.get("KLANTREIS_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying Google's hosts, which this
# closed network refuses; --no-sandbox because the tests run as root in CI.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LAPTOP = {"width": 1366, "height": 768}
# one folder per database, so the PostgreSQL round of make test keeps the SQLite round's
ARTEFACTEN = (
    Path(os.environ.get("KLANTREIS_TEST_ARTEFACTEN", settings.PROJECT_DIR / "test-artefacten"))
    / settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
)
AXE = settings.FRONTEND_NODE_MODULES / "axe-core" / "axe.min.js"
ERNSTIG = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for the session."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"Browsertests overgeslagen: Chromium ontbreekt ({CHROMIUM}). Installeer het met "
            "scripts/chromium.sh (als root: apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls
    # from it (SynchronousOnlyOperation) unless told that this is safe, which it is here: the
    # test code itself is synchronous. Set for as long as the loop lives.
    vorige = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as fout:  # a broken install: say so instead of failing every test
        playwright.stop()
        pytest.skip(f"Browsertests overgeslagen: Chromium start niet ({fout}).")
    yield chromium
    chromium.close()
    playwright.stop()
    if vorige is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorige


@pytest.fixture
def pagina(browser, live_server):
    """A fresh browser context (no cookies) with one page, Dutch, laptop-sized."""
    context = browser.new_context(viewport=LAPTOP, locale="nl-NL", base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@dataclass
class Artefacten:
    """Screenshots (numbered in the order taken) and axe-core results of one test."""

    naam: str
    teller: int = 0
    axe: dict = field(default_factory=dict)

    @property
    def map(self) -> Path:
        return ARTEFACTEN

    def foto(self, page, wat: str) -> Path:
        self.teller += 1
        pad = ARTEFACTEN / "screenshots" / self.naam / f"{self.teller:02d}-{_slug(wat)}.png"
        pad.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(pad), full_page=True)
        return pad

    def toegankelijkheid(self, page, wat: str) -> list[dict]:
        """Runs axe-core on the page as it is now; writes every violation (minor ones too) to
        ``test-artefacten/axe/``; returns the serious and critical ones."""
        if not AXE.exists():
            pytest.fail(
                f"axe-core ontbreekt ({AXE}): draai scripts/bootstrap.sh (npm ci in frontend/)."
            )
        page.add_script_tag(path=str(AXE))
        uitslag = page.evaluate(
            """async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return {url: r.url, violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))
                }))};
            }"""
        )
        self.axe[wat] = uitslag
        pad = ARTEFACTEN / "axe" / f"{self.naam}.json"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(json.dumps(self.axe, indent=2, ensure_ascii=False), encoding="utf-8")
        return [v for v in uitslag["violations"] if v["impact"] in ERNSTIG]

    def geen_ernstige_schendingen(self, page, wat: str) -> None:
        ernstig = self.toegankelijkheid(page, wat)
        assert not ernstig, f"axe-core op {wat}: " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in ernstig
        )


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")


@pytest.fixture
def artefacten(request) -> Artefacten:
    """This test's artefacts, its earlier run's removed first (no stale screenshots)."""
    naam = _slug(request.node.name)
    shutil.rmtree(ARTEFACTEN / "screenshots" / naam, ignore_errors=True)
    (ARTEFACTEN / "axe" / f"{naam}.json").unlink(missing_ok=True)
    return Artefacten(naam=naam)


def inloggen(page, user, wachtwoord: str = "geheim-wachtwoord", *, apparaat=None) -> None:
    """Logs in through the login form, as a person does. The one place for the login steps:
    a user with an authenticator ``apparaat`` (``klantreis.tests.tweestaps``) also gives the
    code of that moment on the second page."""
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if apparaat is not None:
        from klantreis.tests.tweestaps import huidige_code

        page.locator("#id_code").fill(huidige_code(apparaat))
        page.locator("#id_code").press("Enter")
        page.wait_for_load_state()


def uitloggen(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


# --- walking a route: the steps every route walk takes, in a person's words -------------------


def uitwisselen(sim) -> None:
    """Lets messages travel until both sides have read everything: the gemeente's worker
    polls its inbox (``berichten.haal_op``), the provider's software (``SimAanbieder``) reads
    and answers."""
    from klantreis.berichten import tasks as berichten_tasks

    for _ in range(4):
        berichten_tasks.haal_op()
        if not sim.verwerk_inbox():
            break


def melding(page, tekst: str) -> None:
    expect(page.locator(".meldingen")).to_contain_text(tekst)


def huidige_stap(page, stap: str, naam: str) -> None:
    expect(page.locator('.stap[aria-current="step"]')).to_contain_text(f"{stap} {naam}")


def verder(page, naar: str, label: str | None = None) -> None:
    """Clicks the engine's advance action to step ``naar`` — by its button, named after the
    route's transition label when it has one (a branch, an escalation), else "Naar stap N: …"
    — and checks that the page says where the traject stands now."""
    naam = label if label is not None else re.compile(rf"^Naar stap {re.escape(naar)}:")
    page.get_by_role("button", name=naam, exact=label is not None).click()
    melding(page, f"Het traject staat nu op stap {naar}")


def document_opslaan(page) -> None:
    page.get_by_role("button", name="Opslaan en vaststellen").click()


def akkoord_geven(page, document: str, rol: str, *, ja: bool = True) -> None:
    """Records an akkoord (or, with ``ja=False``, a disagreement) on the latest version of
    ``document`` in the role ``rol``."""
    artikel = page.locator("article.document").filter(
        has=page.get_by_role("heading", name=document, exact=False)
    )
    formulier = artikel.locator("form.actie--akkoord")
    formulier.get_by_label("Akkoord van").select_option(label=rol)
    if ja:
        formulier.get_by_label("Akkoord", exact=True).check()
    else:
        formulier.get_by_label("Niet akkoord", exact=True).check()
    formulier.get_by_role("button", name="Oordeel vastleggen").click()
