"""corrections: hand corrections kept as rules keyed to content hash and span; the article a
resolution cites as evidence. New tables only, so that this revision can be re-chained freely.

Revision ID: 0006_corrections
Revises: 0004_users
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_corrections'
down_revision = "0005_views_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=10), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrections_content_hash'), ['content_hash'], unique=False)
    op.create_table('resolution_evidence',
    sa.Column('resolution_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolutions.id'], ),
    sa.PrimaryKeyConstraint('resolution_id')
    )
    with op.batch_alter_table('resolution_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolution_evidence_article_id'), ['article_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('resolution_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolution_evidence_article_id'))
    op.drop_table('resolution_evidence')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrections_content_hash'))
    op.drop_table('corrections')
