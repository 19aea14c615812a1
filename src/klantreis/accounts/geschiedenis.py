"""The admin's history of a change a person made (Django's ``LogEntry``): a client registered
over the API, a user's second factor reset. At the bottom of the contexts (beside the users
and roles), so a domain service can write it without importing the audit context, which sits
above the access policy (decision 0016)."""

from __future__ import annotations

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType


def log_wijziging(user, obj, bericht: str, *, toegevoegd: bool = False):
    """A change made by a person (a client registered over the API, a user's second factor
    reset): one row in Django's admin history (``LogEntry``), shown on the object's
    "Geschiedenis" page and in the admin's recent actions, with who and when."""
    return LogEntry.objects.create(
        user_id=user.pk,
        content_type_id=ContentType.objects.get_for_model(obj, for_concrete_model=False).pk,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        action_flag=ADDITION if toegevoegd else CHANGE,
        change_message=bericht,
    )
