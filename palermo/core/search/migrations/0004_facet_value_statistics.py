"""PostgreSQL: joint statistics on (facet, value) for the query planner.

Without them the planner multiplies the selectivities of `facet = 'regional_group'` and
`value = 'african'` as if independent and expects a few hundred entries where there are tens
of thousands, then picks nested loops that take seconds. SQLite needs nothing here.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE STATISTICS IF NOT EXISTS search_facet_value_stats (mcv, dependencies)"
            " ON facet, value FROM search_facet"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS search_facet_value_stats")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_facet_entry_index_covered")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
