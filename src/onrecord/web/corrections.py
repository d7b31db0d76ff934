"""Correcting who said a quote or owns a forecast from the web: the same ledger.corrections calls
as `onrecord correct`, so a web correction is a rule too, recorded with the editor's name."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..ledger import corrections
from ..ledger.schema import Forecast, Quote


def set_speaker(session: Session, quote_id: int, person_id: int, by: str) -> Quote:
    corrections.correct(session, "quote", quote_id, "speaker", person_id, by=by)
    return session.get(Quote, quote_id)


def set_owner(session: Session, forecast_id: int, person_id: int | None, by: str) -> Forecast:
    """`person_id` None gives the forecast to the article's author."""
    corrections.correct(session, "forecast", forecast_id, "owner", person_id, by=by)
    return session.get(Forecast, forecast_id)
