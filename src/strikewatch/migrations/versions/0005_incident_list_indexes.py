"""incident list indexes: the web app's pages of incidents in date order, by country or attacker

The list endpoint filters and orders by date then id and takes one page; without an index in
that order SQLite sorts every matching row in a temporary B-tree first. Measured with
benchmarks/api_load.py on 10,000 incidents: a page went from 1.3-2.5 ms to 0.8-1.9 ms.

Revision ID: 0005
Revises: 0004
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

INDEXES = {
    'ix_incidents_date_id': ['date', 'id'],
    'ix_incidents_country_date': ['country', 'date', 'id'],
    'ix_incidents_attacker_date': ['attacker_country', 'date', 'id'],
}


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
