from django import template
from django.utils.html import format_html, format_html_join

from klantreis.accounts.models import Rol

register = template.Library()


@register.filter
def rolnaam(rol: str) -> str:
    return Rol(rol).label if rol in Rol.values else rol


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
