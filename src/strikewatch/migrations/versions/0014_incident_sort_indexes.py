"""incident list sorted by toll or by last update: an index for each sort

The API's and the web app's incident list sorts by date, fatalities, grade, country or last
update. Date, grade and country had an index; fatalities and last update did not, so on
PostgreSQL a page of 50 of them read and sorted the whole table (EXPLAIN: Seq Scan + Sort,
checked by tests/test_pg_plans.py). Each index ends with ``id``, the list's tie-break.

Revision ID: 0014
Revises: 0013
"""
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index('ix_incidents_fatalities_id', ['fatalities_min', 'id'],
                              unique=False)
        batch_op.create_index('ix_incidents_updated_id', ['updated_at', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_updated_id')
        batch_op.drop_index('ix_incidents_fatalities_id')
