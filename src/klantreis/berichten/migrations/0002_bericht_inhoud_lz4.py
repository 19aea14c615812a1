"""PostgreSQL: compress the stored message bytes with lz4 instead of pglz.

pglz compressing a 23 MB declaratie took about 0.15 s per file at receipt, lz4 a fraction of
that (docs/decisions/0006-snelle-323.md). Existing values keep their compression; new ones
use lz4. Servers before PostgreSQL 14 or built without lz4 keep pglz: the change is skipped.
Other databases: nothing to do.
"""

from django.db import DatabaseError, migrations, transaction


def lz4(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    tabel = schema_editor.quote_name("berichten_bericht")
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint
            schema_editor.execute(f"ALTER TABLE {tabel} ALTER COLUMN inhoud SET COMPRESSION lz4")
    except DatabaseError:
        pass


def pglz(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    tabel = schema_editor.quote_name("berichten_bericht")
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE {tabel} ALTER COLUMN inhoud SET COMPRESSION pglz")
    except DatabaseError:
        pass


class Migration(migrations.Migration):
    dependencies = [("berichten", "0001_initial")]

    operations = [migrations.RunPython(lz4, pglz, elidable=False)]
