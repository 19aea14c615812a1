"""A route drawn as a Mermaid flowchart or a Graphviz digraph."""

from .definitie import RouteDefinitie

_PIJL = {"volgende": "-->", "alternatief": "-.->", "terug": "-.->", "escalatie": "==>"}


def _node(stap_id: str) -> str:
    return "s_" + "".join(c if c.isalnum() else "_" for c in stap_id)


def mermaid(route: RouteDefinitie) -> str:
    regels = ["flowchart TD", f"  %% {route.naam} (versie {route.versie})"]
    for stap in route.stappen:
        optioneel = " (optioneel)" if stap.optioneel else ""
        tekst = f"{stap.id}. {stap.naam}{optioneel}<br/><i>{stap.rol}</i>".replace('"', "'")
        vorm = ('(["', '"])') if stap.einde else ('["', '"]')
        regels.append(f"  {_node(stap.id)}{vorm[0]}{tekst}{vorm[1]}")
    for stap in route.stappen:
        for overgang in route.overgangen(stap.id):
            pijl = _PIJL.get(overgang.soort, "-->")
            label = f"|{overgang.label.replace('|', '/')}|" if overgang.label else ""
            regels.append(f"  {_node(stap.id)} {pijl}{label} {_node(overgang.naar)}")
    return "\n".join(regels) + "\n"


def dot(route: RouteDefinitie) -> str:
    regels = [f'digraph "{route.id}" {{', f'  label="{route.naam} (versie {route.versie})";']
    regels.append("  node [shape=box];")
    for stap in route.stappen:
        stijl = ", style=dashed" if stap.optioneel else ""
        vorm = ", shape=doubleoctagon" if stap.einde else ""
        tekst = f"{stap.id}. {stap.naam}\\n({stap.rol})".replace('"', "'")
        regels.append(f'  {_node(stap.id)} [label="{tekst}"{stijl}{vorm}];')
    for stap in route.stappen:
        for overgang in route.overgangen(stap.id):
            stijl = {"alternatief": "dashed", "terug": "dotted", "escalatie": "bold"}.get(
                overgang.soort, "solid"
            )
            label = overgang.label.replace('"', "'")
            regels.append(
                f'  {_node(stap.id)} -> {_node(overgang.naar)} [label="{label}", style={stijl}];'
            )
    regels.append("}")
    return "\n".join(regels) + "\n"
