"""input hashes: inputs already seen, so that a re-ingest skips them before any extraction

Revision ID: 0003_input_hashes
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_input_hashes'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('input_hashes',
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('hash')
    )
    with op.batch_alter_table('input_hashes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_input_hashes_article_id'), ['article_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('input_hashes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_input_hashes_article_id'))
    op.drop_table('input_hashes')
