"""The second login step, enrolment, and the reset by functioneel beheer. The views read and
call ``accounts.tweestaps``; that module changes the devices."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from . import inloggen, tweestaps
from .geheimen import OnbekendeSleutel
from .models import Rol


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "utrecht-textbox",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
    )


def _volgende(request) -> str:
    """Where to go after the code: the ``next`` the login carried, if it is ours."""
    gevraagd = request.POST.get("next") or request.GET.get("next") or ""
    if gevraagd and url_has_allowed_host_and_scheme(
        gevraagd, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return gevraagd
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _met_next(naam: str, request) -> str:
    return f"{resolve_url(naam)}?{urlencode({'next': _volgende(request)})}"


SLEUTELFOUT = (
    "Uw code kan nu niet worden gecontroleerd: klantreis is op de server niet goed ingesteld "
    "(de sleutel voor tweestapsverificatie). Dit telt niet als een foute poging. Neem contact "
    "op met functioneel beheer."
)


@login_required
@require_http_methods(["GET", "POST"])
def code(request):
    """Heusden's staff log in with a password and then this code (or a backup code)."""
    user = request.user
    if tweestaps.is_geverifieerd(user):
        return redirect(_volgende(request))
    if not tweestaps.heeft_apparaat(user):
        if tweestaps.moet_inschrijven(user):
            return redirect(_met_next("tweestaps_instellen", request))
        return redirect(_volgende(request))
    form = CodeForm(request.POST or None)
    fout = ""
    if request.method == "POST":
        try:
            if inloggen.geblokkeerd(request, user.get_username()):
                fout = inloggen.MELDING
            elif form.is_valid() and tweestaps.verifieer(request, form.cleaned_data["code"]):
                return redirect(_volgende(request))
            elif inloggen.geblokkeerd(request, user.get_username()):
                fout = inloggen.MELDING
            else:
                fout = "Deze code klopt niet. Controleer de code in uw app en probeer het opnieuw."
        except OnbekendeSleutel:
            # the server's keys cannot open the device's secret: the server's fault, said as
            # such (tweestaps.verifieer logged it as an error), not "this code is wrong"
            fout = SLEUTELFOUT
    return render(
        request,
        "accounts/tweestaps_code.html",
        {"form": form, "fout": fout, "next": _volgende(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def instellen(request):
    """Enrolment: scan the QR code, confirm with the first code, receive backup codes once.
    A session that still owes a code cannot add a device: the password alone must never be
    enough to put an attacker's phone on the account."""
    user = request.user
    if tweestaps.moet_code_geven(user):
        return redirect(_met_next("tweestaps_code", request))
    if tweestaps.heeft_apparaat(user):
        messages.info(request, "Tweestapsverificatie is al ingesteld voor uw account.")
        return redirect(_volgende(request))
    apparaat = tweestaps.begin_inschrijving(user)
    form = CodeForm(request.POST or None)
    fout = ""
    if request.method == "POST":
        if inloggen.geblokkeerd(request, user.get_username()):
            fout = inloggen.MELDING
        elif form.is_valid():
            codes = tweestaps.bevestig_inschrijving(request, apparaat, form.cleaned_data["code"])
            if codes:
                return render(
                    request,
                    "accounts/tweestaps_reservecodes.html",
                    {"codes": codes, "next": _volgende(request)},
                )
            fout = (
                inloggen.MELDING
                if inloggen.geblokkeerd(request, user.get_username())
                else "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het "
                "opnieuw met de code die de app nu toont."
            )
        else:
            fout = "Vul de code van zes cijfers in die de app toont."
    return render(
        request,
        "accounts/tweestaps_instellen.html",
        {
            "form": form,
            "fout": fout,
            "qr": tweestaps.qr_svg(apparaat),
            "sleutel": tweestaps.geheime_sleutel(apparaat),
            "verplicht": tweestaps.modus() == tweestaps.VERPLICHT,
            "next": _volgende(request),
        },
    )


def _is_functioneel_beheer(user) -> bool:
    return user.is_authenticated and user.heeft_rol(Rol.FUNCTIONEEL_BEHEER)


@login_required
@require_http_methods(["GET", "POST"])
def beheer(request):
    """Functioneel beheer resets a user's second factor (a lost or new phone)."""
    if not _is_functioneel_beheer(request.user):
        raise PermissionDenied
    User = get_user_model()
    if request.method == "POST":
        try:
            pk = int(request.POST.get("gebruiker", ""))
        except ValueError:
            pk = None
        gebruiker = User.objects.filter(pk=pk).first() if pk else None
        if gebruiker is None:
            messages.error(request, "Deze gebruiker bestaat niet.")
        else:
            aantal = tweestaps.herstel(gebruiker, door=request.user)
            messages.success(
                request,
                f"Tweestapsverificatie van {gebruiker.get_username()} is hersteld "
                f"({aantal} verwijderd). Bij de volgende keer inloggen stelt deze gebruiker "
                "het opnieuw in.",
            )
        return redirect("tweestaps_beheer")
    met_apparaat = tweestaps.gebruikers_met_apparaat()
    gebruikers = [
        (gebruiker, gebruiker.pk in met_apparaat)
        for gebruiker in User.objects.filter(is_active=True).order_by("username")
    ]
    return render(
        request,
        "accounts/tweestaps_beheer.html",
        {"gebruikers": gebruikers, "modus": tweestaps.modus()},
    )
