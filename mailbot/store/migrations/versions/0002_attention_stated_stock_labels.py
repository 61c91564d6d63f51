"""attention items, stated stock, labels

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 21:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('labels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=False),
    sa.Column('label', sa.JSON(), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('actor', sa.String(length=320), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['message_pk'], ['messages.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('message_pk')
    )
    op.create_table('stated_stock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district', sa.String(length=10), nullable=False),
    sa.Column('item', sa.String(length=10), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['message_pk'], ['messages.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_stated_stock_district_item_at', 'stated_stock', ['district', 'item', 'at'], unique=False)
    op.create_table('attention_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('district', sa.String(length=10), nullable=True),
    sa.Column('item', sa.String(length=10), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('message_pk', sa.Integer(), nullable=True),
    sa.Column('request_pk', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('alerted_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.String(length=320), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['message_pk'], ['messages.id'], ),
    sa.ForeignKeyConstraint(['request_pk'], ['requests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('attention_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attention_items_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_attention_items_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_attention_items_message_pk'), ['message_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_attention_items_opened_at'), ['opened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_attention_items_request_pk'), ['request_pk'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attention_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attention_items_request_pk'))
        batch_op.drop_index(batch_op.f('ix_attention_items_opened_at'))
        batch_op.drop_index(batch_op.f('ix_attention_items_message_pk'))
        batch_op.drop_index(batch_op.f('ix_attention_items_kind'))
        batch_op.drop_index(batch_op.f('ix_attention_items_closed_at'))
    op.drop_table('attention_items')
    op.drop_index('ix_stated_stock_district_item_at', table_name='stated_stock')
    op.drop_table('stated_stock')
    op.drop_table('labels')
