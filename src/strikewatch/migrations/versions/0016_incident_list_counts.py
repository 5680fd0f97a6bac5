"""incident list totals: indexes the list's filters count through, and a change counter

The API's incident list answers each page with the number of incidents matching its
filters. At 240,000 incidents (benchmarks/api_load.py) that count read the whole table for
a province (``lower(admin1)``), a bounding box, an attacker with grades or a target
category: 60-100 ms each, most of a page's time. Three indexes let the first three count
from an index alone. ``incident_changes`` holds one number that triggers raise on every
insert, update or delete of an incident (from any process), so a reader may keep a count
it made for as long as the number has not moved (``Store.incident_page``).

Revision ID: 0016
Revises: 0015
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

_SQLITE_EVENTS = ("INSERT", "UPDATE", "DELETE")
_PG_FUNCTION = """
CREATE FUNCTION strikewatch_incident_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incident_changes SET version = version + 1;
    RETURN NULL;
END $$"""


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index('ix_incidents_attacker_grade', ['attacker_country', 'grade'],
                              unique=False)
        batch_op.create_index('ix_incidents_lon_lat', ['lon', 'lat'], unique=False)
    op.create_index('ix_incidents_admin1_lower', 'incidents', [sa.text('lower(admin1)')],
                    unique=False)
    op.create_table(
        'incident_changes',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.execute("INSERT INTO incident_changes (id, version) VALUES (1, 0)")
    _create_triggers(op.get_bind().dialect.name)


def _create_triggers(dialect: str) -> None:
    """One statement-level trigger on PostgreSQL; SQLite has row-level triggers only."""
    if dialect == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute("CREATE TRIGGER incidents_changed AFTER INSERT OR UPDATE OR DELETE OR "
                   "TRUNCATE ON incidents FOR EACH STATEMENT "
                   "EXECUTE FUNCTION strikewatch_incident_changed()")
        return
    for event in _SQLITE_EVENTS:
        op.execute(f"CREATE TRIGGER incidents_changed_{event.lower()} AFTER {event} ON "
                   "incidents BEGIN UPDATE incident_changes SET version = version + 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER incidents_changed ON incidents")
        op.execute("DROP FUNCTION strikewatch_incident_changed()")
    else:
        for event in _SQLITE_EVENTS:
            op.execute(f"DROP TRIGGER incidents_changed_{event.lower()}")
    op.drop_table('incident_changes')
    op.drop_index('ix_incidents_admin1_lower', table_name='incidents')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_lon_lat')
        batch_op.drop_index('ix_incidents_attacker_grade')
