from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join

from klantreis.accounts import tweestaps
from klantreis.accounts.models import Rol
from klantreis.toegang.beleid import backoffice_gemeenten

register = template.Library()


@register.filter
def rolnaam(rol: str) -> str:
    return Rol(rol).label if rol in Rol.values else rol


@register.filter
def persoonsnaam(user, leeg: str = "—") -> str:
    """A user's full name, else the username; ``leeg`` when there is none (a step the
    exchange completed has no person). A filter, because ``|default:x.door.username`` raises
    when ``door`` is None: Django does not silence a failing filter argument."""
    if user is None:
        return leeg
    return user.get_full_name() or user.username or leeg


@register.simple_tag
def gebruikersrollen(user) -> str:
    """The user's roles for the header: "Toegang (consulent) — Heusden; …"."""
    delen = []
    for t in user.roltoewijzingen.select_related("gemeente", "aanbieder").order_by("rol"):
        waar = (
            t.aanbieder.naam
            if t.aanbieder
            else (t.gemeente.naam if t.gemeente else "alle gemeenten")
        )
        delen.append(f"{rolnaam(t.rol)} — {waar}")
    if len(delen) > 3:
        return "; ".join(delen[:2]) + f" en {len(delen) - 2} andere"
    return "; ".join(delen)


@register.filter
def toon_waarde(waarde):
    """A document value (see ``schemaform.leesbaar``) for reading: yes/no, lists as lists,
    groups as "label: value" lists; everything escaped."""
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    if isinstance(waarde, dict):
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li>{}: {}</li>", ((k, toon_waarde(v)) for k, v in waarde.items())
            ),
        )
    if isinstance(waarde, list):
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((toon_waarde(w),) for w in waarde))
        )
    return str(waarde)


@register.simple_tag
def kan_starten(user) -> bool:
    """Whether the user holds a role that can open a traject in some gemeente."""
    from klantreis.portal.views import startbare_gemeenten

    return bool(startbare_gemeenten(user))


@register.simple_tag
def tweestaps_menu(user) -> dict:
    """What the menu offers for two-factor login: enrolment to a user without an app, the
    reset page to functioneel beheer."""
    return {
        # a session verified with a code has a device: no query on every page for them
        "instellen": not (tweestaps.is_geverifieerd(user) or tweestaps.heeft_apparaat(user)),
        "beheer": user.heeft_rol(Rol.FUNCTIONEEL_BEHEER),
    }


@register.simple_tag
def doet_backoffice(user) -> bool:
    """Whether the user does a gemeente's back-office work (the verzoeken menu item)."""
    return backoffice_gemeenten(user).exists()


# --- NL Design System (Utrecht components) -----------------------------------------------------

# The Utrecht class of each Django widget type; a form needs no styling code of its own.
_INVOER_KLASSEN = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}
_TEKSTVAK = "utrecht-textbox utrecht-textbox--html-input"


@register.filter
def nlds(veld):
    """A bound field whose widget carries its Utrecht class (``utrecht-textbox``,
    ``utrecht-select`` …), ``aria-invalid`` and a reference to its error text when the field
    has errors. Use before rendering: ``{% with veld=veld|nlds %}{{ veld }}``."""
    soort = veld.widget_type
    if soort == "hidden":
        return veld
    attrs = veld.field.widget.attrs  # the form's own copy of the widget: safe to change
    klasse = _INVOER_KLASSEN.get(soort, _TEKSTVAK)
    if veld.errors:
        basis = klasse.split()[0]
        klasse += f" {basis}--invalid"
        attrs["aria-invalid"] = "true"
        beschreven = [f"{veld.auto_id}_fout"]
        if veld.help_text:
            beschreven.insert(0, f"{veld.auto_id}_helptext")
        attrs["aria-describedby"] = " ".join(beschreven)
    bestaand = attrs.get("class", "")
    if klasse.split()[0] not in bestaand.split():
        attrs["class"] = f"{bestaand} {klasse}".strip()
    return veld


@register.filter
def alertsoort(tags: str) -> str:
    """The Utrecht alert type for a Django message level: error, warning, ok or info."""
    for tag in (tags or "").split():
        if tag in ("error", "warning", "info"):
            return tag
        if tag == "success":
            return "ok"
    return "info"


@register.inclusion_tag("portal/_menu_item.html", takes_context=True)
def menu_item(context, url_naam: str, label: str):
    """One item of the main navigation; ``aria-current="page"`` on the page shown now."""
    try:
        url = reverse(url_naam)
    except NoReverseMatch:
        url = ""
    request = context.get("request")
    huidig = bool(request and url and request.path == url)
    return {"url": url, "label": label, "huidig": huidig}


# The Utrecht status badge for each status the portal shows (traject, termijn, document).
_BADGES = {
    "actief": "active",
    "opgeschort": "warning",
    "afgesloten": "inactive",
    "open": "neutral",
    "gehaald": "success",
    "te_laat": "warning",
    "verlopen": "danger",
    "vervallen": "inactive",
    "concept": "neutral",
    "vastgesteld": "success",
    "geweigerd": "warning",  # a retour refusing our 301/319
}


@register.filter
def badge(status: str) -> str:
    """``utrecht-status-badge--…`` modifier for a status code; neutral when unknown."""
    return _BADGES.get(status, "neutral")
