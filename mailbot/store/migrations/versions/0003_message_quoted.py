"""messages.quoted: what routing needs of a message's quoted or forwarded text, read with it

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 09:30:00

No backfill: the column is read only while the message it belongs to is routed, in the transaction that
judged it (mailbot.pipeline); a stored message is routed again only by `mailbot replay`, which judges it
again from its bytes. Rows stored before keep None, which nothing reads.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quoted', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('quoted')
