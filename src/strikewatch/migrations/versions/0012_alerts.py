"""alerts: watch-lists and the alerts they raised, one per incident and watch-list (issue 15)

``watchlists`` holds what an analyst watches for (area, attacker, target, event type, toll,
facility words) as JSON criteria and where alerts go; ``alerts`` one row per incident matching
a watch-list (unique), withdrawn rather than deleted when an edit takes it out, with the state
of its deliveries (attempts, next retry). Nothing existing changes.

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watchlists',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('criteria', sa.JSON(), nullable=False),
        sa.Column('notify', sa.JSON(), nullable=False),
        sa.Column('created_by', sa.String(length=100), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name'),
    )
    op.create_table(
        'alerts',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('watchlist_id', sa.Integer(), nullable=False),
        sa.Column('incident_id', sa.String(length=64), nullable=False),
        sa.Column('matched', sa.JSON(), nullable=False),
        sa.Column('raised_at', sa.DateTime(), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
        sa.Column('delivery', sa.String(length=10), nullable=False),
        sa.Column('attempts', sa.JSON(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['watchlist_id'], ['watchlists.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('watchlist_id', 'incident_id', name='uq_alerts_watchlist_incident'),
    )
    op.create_index(op.f('ix_alerts_watchlist_id'), 'alerts', ['watchlist_id'], unique=False)
    op.create_index(op.f('ix_alerts_incident_id'), 'alerts', ['incident_id'], unique=False)
    op.create_index(op.f('ix_alerts_next_attempt_at'), 'alerts', ['next_attempt_at'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_alerts_next_attempt_at'), table_name='alerts')
    op.drop_index(op.f('ix_alerts_incident_id'), table_name='alerts')
    op.drop_index(op.f('ix_alerts_watchlist_id'), table_name='alerts')
    op.drop_table('alerts')
    op.drop_table('watchlists')
