"""watched sources and delivered briefings (issue 15, items 1 and 2)

``watched_sources`` keeps each polled source's HTTP validators (so that a restarted watcher
asks conditionally again) and its status; ``deliveries`` each delivered briefing's time, the
snapshot the next one diffs against, and how each channel fared. Nothing existing changes.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watched_sources',
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('location', sa.Text(), nullable=False),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.String(length=100), nullable=True),
        sa.Column('last_success', sa.DateTime(), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('last_error_at', sa.DateTime(), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('next_poll', sa.DateTime(), nullable=True),
        sa.Column('items_day', sa.Date(), nullable=True),
        sa.Column('items_today', sa.Integer(), nullable=False),
        sa.Column('items_total', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )
    op.create_table(
        'deliveries',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('delivered_at', sa.DateTime(), nullable=False),
        sa.Column('snapshot', sa.JSON(), nullable=False),
        sa.Column('outputs', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_deliveries_delivered_at', 'deliveries', ['delivered_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_deliveries_delivered_at', table_name='deliveries')
    op.drop_table('deliveries')
    op.drop_table('watched_sources')
