from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who works in klantreis. Roles come from ``Roltoewijzing``."""
