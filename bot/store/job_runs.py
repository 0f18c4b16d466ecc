"""Once-only jobs (the weekly report): a job is claimed by inserting its key into job_runs, so
two ticks, two processes or a restart never run it twice; a failed run gives its claim back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.store.inserts import insert_ignore
from bot.store.schema import JobRunRow


def claim_job(session: Session, key: str, now: datetime) -> bool:
    """True when this call claimed the job; False when it is claimed already."""
    claimed = insert_ignore(session, JobRunRow.__table__,  # type: ignore[arg-type]
                            {"key": key, "started_at": now, "detail": {}})
    return claimed is not None


def finish_job(session: Session, key: str, now: datetime, detail: dict[str, Any]) -> None:
    """Mark a claimed job finished, with what it did."""
    row = session.execute(select(JobRunRow).where(JobRunRow.key == key)).scalar_one_or_none()
    if row is not None:
        row.finished_at, row.detail = now, detail


def release_job(session: Session, key: str) -> None:
    """Give a claim back, so the next tick tries again."""
    session.execute(delete(JobRunRow).where(JobRunRow.key == key))
