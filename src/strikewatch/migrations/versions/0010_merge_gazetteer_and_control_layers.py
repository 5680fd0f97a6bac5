"""merge: the imported gazetteer (0007) joins the line 0006 -> 0008 -> 0009

Migration 0007 (gazetteer tables) was written beside 0008 (event type), both after 0006, and
0009 (control layers) followed 0008; this revision joins the two lines so that the schema has
one head again. A database at 0009 gains the gazetteer tables of 0007 on its next upgrade;
one at 0006 gets every table. Nothing else changes.

Revision ID: 0010
Revises: 0007, 0009
"""

revision = '0010'
down_revision = ('0007', '0009')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # a merge point: 0007 and 0009 do the work


def downgrade() -> None:
    pass
