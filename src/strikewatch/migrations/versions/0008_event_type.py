"""event type: air strike or shelling, per mention and per incident; vague tolls; claim periods

The ACLED export called every strike an air strike and the briefing and map could not tell
shelling apart (issue 12). ``event_type`` (air | shelling | unknown, ``models.EVENT_TYPES``) is
kept on each strike mention and on each incident, indexed with the date for the incident list's
filter. ``fatalities_vague`` marks an incident toll that is a vague word's floor ("dozens" is
24 and up), so readers can show the word rather than a figure nobody gave. ``claims.period``
keeps the period of a statistic ("since Sept. 19", "this year"). Existing rows get "unknown",
not vague, and no period; re-extraction fills them.

Revision ID: 0008
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN, not batch mode: on SQLite a batch copies and drops the
    # incidents table, and dropping it deletes every incident_links row (ON DELETE CASCADE)
    op.add_column('strike_mentions', sa.Column('event_type', sa.String(length=10),
                                               nullable=False, server_default='unknown'))
    op.add_column('incidents', sa.Column('event_type', sa.String(length=10), nullable=False,
                                         server_default='unknown'))
    op.add_column('incidents', sa.Column('fatalities_vague', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.create_index('ix_incidents_event_type_date', 'incidents', ['event_type', 'date', 'id'],
                    unique=False)
    op.add_column('claims', sa.Column('period', sa.Text(), nullable=True))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:  # the batch copy of incidents must not cascade to incident_links (see upgrade)
        op.execute('PRAGMA foreign_keys=OFF')
    op.drop_index('ix_incidents_event_type_date', table_name='incidents')
    for table, columns in (('claims', ['period']),
                           ('incidents', ['fatalities_vague', 'event_type']),
                           ('strike_mentions', ['event_type'])):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column)
    if sqlite:
        op.execute('PRAGMA foreign_keys=ON')
