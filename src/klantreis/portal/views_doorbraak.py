"""Break the glass (decision 0016): a user with the permission ``toegang.doorbreken`` opens a
traject outside their role's reach by giving a reason. Without the permission the traject
does not exist for them (404), as before; with it, the traject page sends them here first."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from klantreis.routes.models import Traject
from klantreis.toegang import beleid as toegang
from klantreis.toegang.models import DUUR


class DoorbraakForm(forms.Form):
    reden = forms.CharField(
        label="Waarom opent u dit traject?",
        help_text="Dit traject hoort niet bij uw eigen werk. Uw reden wordt vastgelegd en "
        "gemeld aan functioneel beheer; elke inzage wordt als doorbraak gelogd.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        min_length=toegang.MINIMALE_REDEN,
        error_messages={
            "required": "Geef een reden.",
            "min_length": "Geef een reden van ten minste tien tekens.",
        },
    )


@login_required
def doorbreken(request, pk: int):
    traject = get_object_or_404(Traject.objects.select_related("client", "gemeente"), pk=pk)
    if toegang.zichtbare_trajecten(request.user).filter(pk=pk).exists():
        return redirect("portal:traject", pk=pk)
    if not toegang.mag_doorbreken(request.user, traject):
        raise Http404
    form = DoorbraakForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegang.doorbreek(request.user, traject, form.cleaned_data["reden"])
        uren = int(DUUR.total_seconds() // 3600)
        messages.warning(
            request,
            f"U heeft dit traject geopend buiten uw eigen rol, voor {uren} uur. "
            "Dit is vastgelegd en gemeld aan functioneel beheer.",
        )
        return redirect("portal:traject", pk=pk)
    return render(request, "portal/doorbreken.html", {"traject": traject, "form": form})
