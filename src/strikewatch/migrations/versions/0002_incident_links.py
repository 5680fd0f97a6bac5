"""incident links and fuse notes: fusion that survives re-extraction, and that is incremental

``incident_links`` remembers which incident each mention belongs to by a key that does not
depend on the mention's row id (document, sentence start, place start, attacker), so that a
re-extracted mention goes back to the incident an analyst reviewed, merged or split.
``strike_mentions.fuse_note`` says why a mention was left out of every incident (too vague to
place, or matching several), so that the next run does not consider it again.

The upgrade backfills a link for every mention already attached to an incident.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def mention_key(doc_id, start, place_start, attacker) -> str:
    """Keep in step with ``strikewatch.fuse.mention_key`` (copied: migrations never import
    code that may change after them)."""
    return f"{doc_id}|{start}|{'' if place_start is None else place_start}|{attacker or ''}"


def upgrade() -> None:
    links = op.create_table(
        'incident_links',
        sa.Column('key', sa.String(length=400), nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('incident_id', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('key'),
    )
    with op.batch_alter_table('incident_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_links_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_links_incident_id'), ['incident_id'],
                              unique=False)
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fuse_note', sa.Text(), nullable=True))

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT doc_id, start, place_start, attacker_country, attacker_name, incident_id "
        "FROM strike_mentions WHERE incident_id IS NOT NULL ORDER BY id")).all()
    seen = set()
    backfill = []
    for doc_id, start, place_start, country, name, incident_id in rows:
        key = mention_key(doc_id, start, place_start, country or name)
        if key not in seen:
            seen.add(key)
            backfill.append({"key": key, "doc_id": doc_id, "incident_id": incident_id})
    if backfill:
        op.bulk_insert(links, backfill)


def downgrade() -> None:
    with op.batch_alter_table('strike_mentions', schema=None) as batch_op:
        batch_op.drop_column('fuse_note')
    with op.batch_alter_table('incident_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_links_incident_id'))
        batch_op.drop_index(batch_op.f('ix_incident_links_doc_id'))
    op.drop_table('incident_links')
