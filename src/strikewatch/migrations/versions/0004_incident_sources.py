"""incident sources: the row each imported incident was read from

Imported incidents (ACLED, Yemen Data Project) keep their source row verbatim so that an
ACLED export of ACLED data gives back the rows it read, and so that the columns strikewatch has
no field for (ACLED's inter codes and timestamp, YDP's time of day) are not lost.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incident_sources',
    sa.Column('incident_id', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=40), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('incident_id')
    )
    op.create_index(op.f('ix_incident_sources_origin'), 'incident_sources', ['origin'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_incident_sources_origin'), table_name='incident_sources')
    op.drop_table('incident_sources')
