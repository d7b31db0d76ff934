"""users: editors who may write from the web, with their API tokens

Revision ID: 0004_users
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_users'
down_revision = "0003_input_hashes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_name'), ['name'], unique=True)
        batch_op.create_index(batch_op.f('ix_users_token_hash'), ['token_hash'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_token_hash'))
        batch_op.drop_index(batch_op.f('ix_users_name'))
    op.drop_table('users')
