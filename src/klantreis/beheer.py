"""What the Django admin (functioneel beheer's "Beheer") shares across contexts."""


class AlleenLezen:
    """For records only a service may change (the engine, the document services, the payment
    runs), that are immutable (route versions, loaded from files) or that nobody may touch
    (the audit log): functioneel beheer can look, not add, edit or delete."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
