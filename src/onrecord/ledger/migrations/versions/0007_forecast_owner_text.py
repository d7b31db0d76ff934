"""forecasts.owner_text: the words of an unnamed owner ("analysts say", "the port authority"), so that
such a forecast is shown as theirs, not the author's, and scoring need not read the analysis JSON.
ADD COLUMN needs no table copy; forecasts_view (0005) is made again to show the column."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_forecast_owner_text"
down_revision = "0006_corrections"
branch_labels = None
depends_on = None

FORECASTS_VIEW = """
SELECT f.id, f.article_id, a.title AS article_title, a.published, a.url,
       p.id AS owner_id, p.name AS owner, {owner_text}f.text, f.probability, f.hedge, f.polarity, f.condition,
       f.horizon, f.deadline, r.outcome, r.resolved_on, r.evidence,
       (SELECT count(*) FROM resolutions c WHERE c.forecast_id = f.id) AS resolutions
FROM forecasts f JOIN articles a ON a.id = f.article_id
LEFT JOIN mentions m ON m.id = f.mention_id LEFT JOIN people p ON p.id = m.person_id
LEFT JOIN resolutions r ON r.id = (SELECT max(x.id) FROM resolutions x WHERE x.forecast_id = f.id)"""


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS forecasts_view")
    op.add_column("forecasts", sa.Column("owner_text", sa.String(500), nullable=True))
    op.execute("CREATE VIEW forecasts_view AS " + FORECASTS_VIEW.format(owner_text="f.owner_text, "))
    conn = op.get_bind()
    articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("analysis", sa.JSON))
    for aid, analysis in conn.execute(sa.select(articles.c.id, articles.c.analysis)):
        for i, f in enumerate((analysis or {}).get("forecasts", [])):
            owner = f.get("owner") or {}
            if owner.get("person") is None and owner.get("mention_text"):
                conn.execute(sa.text("UPDATE forecasts SET owner_text = :t WHERE article_id = :a AND position = :i "
                                     "AND mention_id IS NULL"), {"t": owner["mention_text"][:500], "a": aid, "i": i})


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS forecasts_view")
    op.execute("ALTER TABLE forecasts DROP COLUMN owner_text")  # SQLite 3.35+ and PostgreSQL alike
    op.execute("CREATE VIEW forecasts_view AS " + FORECASTS_VIEW.format(owner_text=""))
