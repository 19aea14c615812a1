"""The bytes of a Bericht move to a table of their own (``BerichtInhoud``).

Why (docs/decisions/0006-snelle-323.md): the Bericht row is updated several times while a
message is processed (claim, final state) and SQLite rewrites a whole row, 23 MB for a large
323, on every UPDATE. On PostgreSQL the new column is compressed with lz4 instead of pglz
(much faster for a 23 MB declaratie); servers without lz4 keep pglz.

Every stored message is copied before the old column is dropped; the reverse copies back.
"""

import django.db.models.deletion
from django.db import DatabaseError, migrations, models, transaction


def kopieer_heen(apps, schema_editor):
    Bericht = apps.get_model("berichten", "Bericht")
    BerichtInhoud = apps.get_model("berichten", "BerichtInhoud")
    db = schema_editor.connection.alias
    rijen = Bericht.objects.using(db).values_list("pk", "inhoud").order_by("pk")
    deel = []
    for pk, inhoud in rijen.iterator(chunk_size=50):
        deel.append(BerichtInhoud(bericht_id=pk, data=bytes(inhoud or b"")))
        if len(deel) >= 50:
            BerichtInhoud.objects.using(db).bulk_create(deel)
            deel = []
    BerichtInhoud.objects.using(db).bulk_create(deel)


def kopieer_terug(apps, schema_editor):
    Bericht = apps.get_model("berichten", "Bericht")
    BerichtInhoud = apps.get_model("berichten", "BerichtInhoud")
    db = schema_editor.connection.alias
    for pk, data in (
        BerichtInhoud.objects.using(db).values_list("bericht_id", "data").iterator(chunk_size=50)
    ):
        Bericht.objects.using(db).filter(pk=pk).update(inhoud=bytes(data))


def _compressie(schema_editor, methode: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    tabel = schema_editor.quote_name("berichten_berichtinhoud")
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint
            schema_editor.execute(
                f"ALTER TABLE {tabel} ALTER COLUMN data SET COMPRESSION {methode}"
            )
    except DatabaseError:  # before PostgreSQL 14, or built without lz4: pglz stays
        pass


def lz4(apps, schema_editor):
    _compressie(schema_editor, "lz4")


def niets(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("berichten", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="BerichtInhoud",
            fields=[
                (
                    "bericht",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="berichten.bericht",
                    ),
                ),
                (
                    "data",
                    models.BinaryField(help_text="De ontvangen of verzonden bytes, ongewijzigd."),
                ),
            ],
            options={"verbose_name": "berichtinhoud", "verbose_name_plural": "berichtinhoud"},
        ),
        migrations.RunPython(lz4, niets, elidable=False),
        migrations.RunPython(kopieer_heen, kopieer_terug, elidable=False),
        # a default only so that the reverse can add the column back before copying
        migrations.AlterField(
            model_name="bericht",
            name="inhoud",
            field=models.BinaryField(default=b"", help_text="De bytes (nu in BerichtInhoud)."),
        ),
        migrations.RemoveField(model_name="bericht", name="inhoud"),
    ]
