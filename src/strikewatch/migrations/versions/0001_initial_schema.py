"""initial schema: documents, rejections, mentions, claims, incidents, reviews

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 11:19:50.652341
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('published_from', sa.String(length=20), nullable=True),
    sa.Column('language', sa.String(length=12), nullable=True),
    sa.Column('byline', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('segments', sa.JSON(), nullable=False),
    sa.Column('near_duplicate_of', sa.String(length=200), nullable=True),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('extracted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_content_hash'), ['content_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_extracted_at'), ['extracted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_near_duplicate_of'), ['near_duplicate_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_source'), ['source'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('attacker_name', sa.String(length=200), nullable=True),
    sa.Column('attacker_country', sa.String(length=2), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('admin2', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('geo_precision', sa.String(length=10), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('fatalities_min', sa.Integer(), nullable=True),
    sa.Column('fatalities_max', sa.Integer(), nullable=True),
    sa.Column('civilians_min', sa.Integer(), nullable=True),
    sa.Column('civilians_max', sa.Integer(), nullable=True),
    sa.Column('grade', sa.String(length=12), nullable=False),
    sa.Column('grade_reason', sa.Text(), nullable=True),
    sa.Column('origin', sa.String(length=40), nullable=False),
    sa.Column('reviewed', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_admin1'), ['admin1'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_attacker_country'), ['attacker_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_grade'), ['grade'], unique=False)

    op.create_table('rejections',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('incident_id', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=50), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('analyst', sa.String(length=100), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_incident_id'), ['incident_id'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=False),
    sa.Column('org', sa.Text(), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('about', sa.String(length=200), nullable=True),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('numbers', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_about'), ['about'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_kind'), ['kind'], unique=False)

    op.create_table('strike_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('attacker_name', sa.String(length=200), nullable=True),
    sa.Column('attacker_country', sa.String(length=2), nullable=True),
    sa.Column('attacker_text', sa.Text(), nullable=True),
    sa.Column('place_text', sa.Text(), nullable=True),
    sa.Column('place_start', sa.Integer(), nullable=True),
    sa.Column('place_end', sa.Integer(), nullable=True),
    sa.Column('place', sa.JSON(), nullable=True),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('casualties', sa.JSON(), nullable=False),
    sa.Column('weapon', sa.String(length=100), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('claimed_by_attacker', sa.Boolean(), nullable=False),
    sa.Column('hedged', sa.Boolean(), nullable=False),
    sa.Column('incident_id', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_strike_mentions_attacker_country'), ['attacker_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_strike_mentions_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_strike_mentions_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_strike_mentions_incident_id'), ['incident_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_strike_mentions_incident_id'))
        batch_op.drop_index(batch_op.f('ix_strike_mentions_doc_id'))
        batch_op.drop_index(batch_op.f('ix_strike_mentions_date'))
        batch_op.drop_index(batch_op.f('ix_strike_mentions_attacker_country'))

    op.drop_table('strike_mentions')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_kind'))
        batch_op.drop_index(batch_op.f('ix_claims_doc_id'))
        batch_op.drop_index(batch_op.f('ix_claims_about'))

    op.drop_table('claims')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_incident_id'))

    op.drop_table('reviews')
    op.drop_table('rejections')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_grade'))
        batch_op.drop_index(batch_op.f('ix_incidents_date'))
        batch_op.drop_index(batch_op.f('ix_incidents_country'))
        batch_op.drop_index(batch_op.f('ix_incidents_attacker_country'))
        batch_op.drop_index(batch_op.f('ix_incidents_admin1'))

    op.drop_table('incidents')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_near_duplicate_of'))
        batch_op.drop_index(batch_op.f('ix_documents_extracted_at'))
        batch_op.drop_index(batch_op.f('ix_documents_content_hash'))

    op.drop_table('documents')
