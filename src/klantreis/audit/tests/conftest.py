"""The API tests' two-provider world, for the audit tests."""

from klantreis.api.tests.conftest import wereld  # noqa: F401
