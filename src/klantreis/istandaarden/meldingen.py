"""Dutch wording for libxml2's XML Schema messages (every message meant for people is Dutch).

Known message shapes are translated; anything else keeps libxml2's English text behind a
Dutch lead-in, so no information is lost.
"""

from __future__ import annotations

import re

_NS = re.compile(r"\{(?:https?|urn):[^}]*\}")

_VERTALINGEN: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{.*\}\.$"
        ),
        r"de waarde '\1' staat niet in de codelijst",
    ),
    (
        re.compile(
            r"\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed "
            r"maximum length of '(\d+)'\.$"
        ),
        r"de waarde is \1 tekens lang; maximaal \2 toegestaan",
    ),
    (
        re.compile(
            r"\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed "
            r"minimum length of '(\d+)'\.$"
        ),
        r"de waarde is \1 tekens lang; minimaal \2 vereist",
    ),
    (
        re.compile(
            r"\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value "
            r"allowed \('(.*)'\)\.$"
        ),
        r"de waarde \1 is groter dan het maximum \2",
    ),
    (
        re.compile(
            r"\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed "
            r"\('(.*)'\)\.$"
        ),
        r"de waarde \1 is kleiner dan het minimum \2",
    ),
    (
        re.compile(
            r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.$"
        ),
        r"de waarde '\1' voldoet niet aan het patroon '\2'",
    ),
    (
        re.compile(r"'(.*)' is not a valid value of the (?:atomic|local atomic) type '(.*)'\.$"),
        r"'\1' is geen geldige waarde van type \2",
    ),
    (
        re.compile(r"This element is not expected\. Expected is one of \( (.*) \)\.$"),
        r"dit element wordt hier niet verwacht; verwacht is een van: \1",
    ),
    (
        re.compile(r"This element is not expected\. Expected is \( (.*) \)\.$"),
        r"dit element wordt hier niet verwacht; verwacht is: \1",
    ),
    (re.compile(r"This element is not expected\.$"), "dit element wordt hier niet verwacht"),
    (
        re.compile(r"Missing child element\(s\)\. Expected is one of \( (.*) \)\.$"),
        r"er ontbreekt een verplicht element; verwacht is een van: \1",
    ),
    (
        re.compile(r"Missing child element\(s\)\. Expected is \( (.*) \)\.$"),
        r"er ontbreekt een verplicht element; verwacht is: \1",
    ),
    (
        re.compile(r"No matching global declaration available for the validation root\.$"),
        "het root-element is niet gedeclareerd in het XSD",
    ),
]

_ELEMENT = re.compile(r"^Element '([^']*)': (.*)$", re.S)


def xsd_melding(libxml2: str) -> str:
    """Translate one libxml2 schema-validation message to Dutch, without namespaces."""
    tekst = _NS.sub("", libxml2.strip())
    element = ""
    m = _ELEMENT.match(tekst)
    if m:
        element, tekst = m.group(1), m.group(2)
    for patroon, vervanging in _VERTALINGEN:
        if patroon.search(tekst):
            tekst = patroon.sub(vervanging, tekst)
            break
    else:
        tekst = f"(melding van libxml2) {tekst}"
    return f"{element}: {tekst}" if element else tekst
