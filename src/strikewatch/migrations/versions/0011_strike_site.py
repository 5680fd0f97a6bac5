"""strike site: the named house, family, facility or vehicle a strike mention says was hit

In Gaza dozens of distinct strikes hit one town on one day; what tells them apart in the
reports is the family, the house, the hospital or the ambulance hit. Fusion keeps two mentions
naming different sites apart, so the mention keeps the site it names.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('site', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.drop_column('site')
