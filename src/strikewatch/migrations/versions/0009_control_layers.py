"""control layers: dated maps of who held the ground, per source (issue 16)

``control_maps`` holds one row per imported map (source, date, the file, the front line between
controllers); ``control_areas`` the merged ground of each controller on it. Geometry is WKB hex
text so that SQLite and PostgreSQL store it alike without a spatial extension; shapely reads it.
Nothing existing changes.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'control_maps',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('source', sa.String(length=100), nullable=False),
        sa.Column('map_date', sa.Date(), nullable=False),
        sa.Column('origin', sa.Text(), nullable=False),
        sa.Column('front', sa.Text(), nullable=False),
        sa.Column('km_scale', sa.Float(), nullable=False),
        sa.Column('imported_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_control_maps_source_date', 'control_maps', ['source', 'map_date'],
                    unique=False)
    op.create_table(
        'control_areas',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('map_id', sa.Integer(), nullable=False),
        sa.Column('controller', sa.String(length=40), nullable=False),
        sa.Column('labels', sa.Text(), nullable=False),
        sa.Column('category', sa.String(length=20), nullable=True),
        sa.Column('geometry', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['map_id'], ['control_maps.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_control_areas_map_id'), 'control_areas', ['map_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_control_areas_map_id'), table_name='control_areas')
    op.drop_table('control_areas')
    op.drop_index('ix_control_maps_source_date', table_name='control_maps')
    op.drop_table('control_maps')
