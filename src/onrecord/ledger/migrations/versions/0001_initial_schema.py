"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 09:41:55.729564
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.String(length=500), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('analysis', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_content_hash'), ['content_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_articles_url'), ['url'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('surname_key', sa.String(length=200), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=True),
    sa.Column('descriptions', sa.JSON(), nullable=False),
    sa.Column('merged_into', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['merged_into'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_surname_key'), ['surname_key'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('descriptions', sa.JSON(), nullable=False),
    sa.Column('spans', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'local_id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_person_id'), ['person_id'], unique=False)

    op.create_table('name_keys',
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], ),
    sa.PrimaryKeyConstraint('key')
    )
    with op.batch_alter_table('name_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_name_keys_person_id'), ['person_id'], unique=False)

    op.create_table('forecasts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('mention_id', sa.Integer(), nullable=True),
    sa.Column('probability', sa.Float(), nullable=True),
    sa.Column('hedge', sa.String(length=100), nullable=True),
    sa.Column('polarity', sa.String(length=10), nullable=False),
    sa.Column('condition', sa.Text(), nullable=True),
    sa.Column('horizon', sa.Text(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('forecasts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forecasts_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forecasts_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_forecasts_mention_id'), ['mention_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('mention_id', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_mention_id'), ['mention_id'], unique=False)

    op.create_table('resolutions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('forecast_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['forecast_id'], ['forecasts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolutions_forecast_id'), ['forecast_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('resolutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolutions_forecast_id'))

    op.drop_table('resolutions')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_mention_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_article_id'))

    op.drop_table('quotes')
    with op.batch_alter_table('forecasts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forecasts_mention_id'))
        batch_op.drop_index(batch_op.f('ix_forecasts_deadline'))
        batch_op.drop_index(batch_op.f('ix_forecasts_article_id'))

    op.drop_table('forecasts')
    with op.batch_alter_table('name_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_name_keys_person_id'))

    op.drop_table('name_keys')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_person_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_article_id'))

    op.drop_table('mentions')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_surname_key'))

    op.drop_table('people')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_url'))
        batch_op.drop_index(batch_op.f('ix_articles_content_hash'))

    op.drop_table('articles')

