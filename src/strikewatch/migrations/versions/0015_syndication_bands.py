"""ingest's near-duplicate index in the database: one row per band key of an original

Ingest loaded every stored document's id, hash and MinHash signature at each start (about
5.4 KB per stored article) to build its LSH index in memory. ``syndication_bands`` holds each
original document's band keys (``strikewatch.syndication.band_keys``) with an index on the
key, so that a batch's candidates are looked up by key. The keys of the documents already
stored are computed here from their stored signatures, a page at a time, in the order the
documents were stored (the earliest copy stays the original). A signature of another
format (not ``strikewatch.syndication``'s) has no keys: it could never match a current one.

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

_PAGE = 1000


def upgrade() -> None:
    op.create_table(
        'syndication_bands',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('key', sa.BigInteger(), nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_syndication_bands_key', 'syndication_bands', ['key'], unique=False)
    op.create_index('ix_syndication_bands_doc_id', 'syndication_bands', ['doc_id'],
                    unique=False)
    _index_stored_originals(op.get_bind())


def _index_stored_originals(connection: sa.Connection) -> None:
    """Band keys of every stored original, page by page (keyset on ingested_at, id)."""
    documents = sa.table('documents', sa.column('id', sa.String),
                         sa.column('minhash', sa.LargeBinary),
                         sa.column('near_duplicate_of', sa.String),
                         sa.column('ingested_at', sa.DateTime))
    bands = sa.table('syndication_bands', sa.column('key', sa.BigInteger),
                     sa.column('doc_id', sa.String))
    query = (sa.select(documents.c.id, documents.c.minhash, documents.c.ingested_at)
             .where(documents.c.minhash.is_not(None), documents.c.near_duplicate_of.is_(None))
             .order_by(documents.c.ingested_at, documents.c.id).limit(_PAGE))
    after = None
    while True:
        page_query = query if after is None else query.where(
            sa.tuple_(documents.c.ingested_at, documents.c.id) > sa.tuple_(*after))
        page = connection.execute(page_query).all()
        if not page:
            return
        rows = [{'key': key, 'doc_id': doc_id} for doc_id, signature, _ in page
                for key in _keys_or_none(signature)]
        if rows:
            connection.execute(sa.insert(bands), rows)
        after = (page[-1].ingested_at, page[-1].id)


def _keys_or_none(signature: bytes) -> list[int]:
    # imported here: Alembic loads every script at each start, and syndication's numpy
    # would load for every command that opens a store
    from strikewatch.syndication import band_keys

    try:
        return band_keys(signature)
    except ValueError:
        return []


def downgrade() -> None:
    op.drop_index('ix_syndication_bands_doc_id', table_name='syndication_bands')
    op.drop_index('ix_syndication_bands_key', table_name='syndication_bands')
    op.drop_table('syndication_bands')
