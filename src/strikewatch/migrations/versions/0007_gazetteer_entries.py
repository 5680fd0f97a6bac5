"""gazetteer entries: places a team imports (a GeoNames country dump, a P-code table)

The embedded gazetteer (GeoNames cities500) lacks most villages that strike reports name. A
team covering one war imports that country's full GeoNames dump or a humanitarian P-code
table; the rows live in the database so that every analyst of a shared database geocodes
with them. ``gazetteer_imports`` says what was imported (file, format, country, rows, when),
``gazetteer_entries`` holds one row per place and ``gazetteer_names`` its normalised names,
keyed (country, key) so that a lookup reads one index range.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('gazetteer_imports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source_file', sa.String(length=500), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('gazetteer_entries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('admin1code', sa.String(length=20), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=False),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['import_id'], ['gazetteer_imports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_gazetteer_entries_import_id'), 'gazetteer_entries', ['import_id'],
                    unique=False)
    op.create_table('gazetteer_names',
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['gazetteer_entries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('country', 'key', 'entry_id')
    )
    op.create_index(op.f('ix_gazetteer_names_entry_id'), 'gazetteer_names', ['entry_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_gazetteer_names_entry_id'), table_name='gazetteer_names')
    op.drop_table('gazetteer_names')
    op.drop_index(op.f('ix_gazetteer_entries_import_id'), table_name='gazetteer_entries')
    op.drop_table('gazetteer_entries')
    op.drop_table('gazetteer_imports')
