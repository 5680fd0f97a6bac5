"""incident losses: the incidents that lost a mention since the last fusion

Each fusion dropped the incidents left with no mention by reading every incident of the
store and looking for a mention of each (1.1 CPU s at 316,000 incidents, most of a day's
fusion on a grown store), and it dropped imported incidents (ACLED, the Yemen Data Project),
which never had a mention. ``incident_losses`` holds the incidents whose mentions a
re-extraction replaced or an analyst moved away (``Store.replace_many_mentions``,
``Store.move_mentions``); fusion looks among these alone. The incidents fused from text
that have no mention now are recorded here, for the next fusion to drop as it would have.

Revision ID: 0017
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'incident_losses',
        sa.Column('incident_id', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('incident_id'),
    )
    op.execute("INSERT INTO incident_losses (incident_id) SELECT i.id FROM incidents i "
               "WHERE i.origin = 'text' AND NOT EXISTS "
               "(SELECT 1 FROM strike_mentions s WHERE s.incident_id = i.id)")


def downgrade() -> None:
    op.drop_table('incident_losses')
