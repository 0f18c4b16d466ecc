"""Ingest: fetch pages from a source, classify, store once, queue one alert each."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.alerts import admin
from bot.core import metrics
from bot.core.clean_text import clean_record
from bot.core.clock import Clock
from bot.core.crashpoints import AFTER_FETCH, AFTER_STORE, crashpoint
from bot.core.models import Mention
from bot.ingest.classify_pool import Batch, ClassifyPool
from bot.ingest.prefetch import read_ahead
from bot.office.holding import Placer
from bot.office.routing import Router
from bot.platforms.base import Page, PollWarning, RateLimited, Source, SourceError
from bot.store import cursors
from bot.store.cursors import record_poll_gap
from bot.store.db import Database
from bot.store.mentions import existing_keys, insert_decisions, insert_mentions
from bot.store.quarantine import quarantine
from bot.storm.fold import StormFolder
from policy.decision import Context, Decision

log = logging.getLogger(__name__)

Classifier = Callable[[str, Context], Decision]
# Capped low: a feed that comes back is read again within two minutes, so a ten-minute outage
# leaves about ten minutes of backlog, not the back-off's doubling on top.
MAX_BACKOFF = timedelta(minutes=2)
# A feed failing this long (from its last good poll) raises one admin alert per outage.
DEFAULT_OUTAGE_AFTER = timedelta(minutes=10)
# A feed not read successfully for longer than this is reported as a gap in the morning digest.
DEFAULT_GAP_AFTER = timedelta(minutes=10)


@dataclass
class EdgeReport:
    edge: str
    fetched: int = 0
    new: int = 0
    skipped_reason: str = ""
    error: str = ""


@dataclass
class PollReport:
    edges: list[EdgeReport] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(e.new for e in self.edges)


def context_for(m: Mention) -> Context:
    return Context(
        platform=m.platform,
        kind=m.kind,
        has_media=bool(m.media),
        media_types=tuple(x.type for x in m.media),
        links=m.links,
        lang=m.lang,
    )


class Pipeline:
    def __init__(
        self,
        db: Database,
        classify: Classifier,
        clock: Clock,
        alert_channel: str,
        admin_channel: str,
        *,
        placer: Placer | None = None,
        gap_after: timedelta = DEFAULT_GAP_AFTER,
        read_media: Callable[[Mention], str] | None = None,
        storm: StormFolder | None = None,
        outage_after: timedelta = DEFAULT_OUTAGE_AFTER,
        pool: ClassifyPool | None = None,
    ) -> None:
        self.db = db
        self.classify = classify
        # Worker processes that classify a burst's pages while the one before is stored
        # (bot/ingest/classify_pool.py); None: every page is classified here.
        self.pool = pool
        # OCR of photos (bot/ingest/ocr.py); None when Tesseract is not installed.
        self.read_media = read_media
        self.clock = clock
        self.alert_channel = alert_channel
        self.admin_channel = admin_channel
        # Where each alert goes and whether it waits (office hours, pause, routing). Without
        # one, every alert is posted at once to the alert channel.
        self.placer = placer or Placer(Router(alert_channel))
        self.gap_after = gap_after
        self.outage_after = outage_after
        # Folds a pile-on's near-duplicates into one alert (bot/storm/fold.py); None: never.
        self.storm = storm

    def start_workers(self) -> None:
        """Start the burst classifiers (a process that polls does, at start-up)."""
        if self.pool is not None:
            self.pool.start()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def poll(self, source: Source) -> PollReport:
        return PollReport([self.poll_edge(source, edge) for edge in source.edges()])

    def poll_edge(self, source: Source, edge: str) -> EdgeReport:
        report = EdgeReport(edge)
        now = self.clock.now()
        with self.db.session() as s:
            state = cursors.get_state(s, edge)
            cursor, backoff_until = state.cursor, state.backoff_until
        if backoff_until and backoff_until > now:
            report.skipped_reason = f"backing off until {backoff_until.isoformat()}"
            log.info("%s: skipped, %s", edge, report.skipped_reason)
            return report
        try:
            poll = source.poll(edge, cursor, self._known_ids(source))
            for page, fresh, batch in self._classified_ahead(read_ahead(poll.pages)):
                report.fetched += len(page.mentions)
                report.new += self._store_decided(edge, page, list(zip(fresh, batch.result(),
                                                                       strict=True)))
                crashpoint(AFTER_STORE)
            for warning in poll.warnings:
                self._warn(warning)
        except RateLimited as exc:
            report.error = str(exc)
            self._failed(edge, str(exc), exc.until)
            log.warning("%s: rate limited; skipping this source until %s", edge, exc.until)
            if exc.warning is not None:
                self._warn(exc.warning)
        except SourceError as exc:
            report.error = str(exc)
            self._source_error(edge, exc)
        except Exception as exc:  # a bug or an unexpected answer: log it, keep other sources going
            report.error = f"{type(exc).__name__}"
            log.exception("%s: poll failed unexpectedly", edge)
            self._failed(edge, f"unexpected {type(exc).__name__}", None)
            self._outage_alert(edge, f"unexpected {type(exc).__name__}")
        else:
            log.info("%s: fetched %d, %d new", edge, report.fetched, report.new)
        return report

    def _known_ids(self, source: Source) -> Callable[[list[str]], set[str]]:
        def known(external_ids: list[str]) -> set[str]:
            keys = [(source.platform, source.account, i) for i in external_ids]
            with self.db.session() as s:
                return {k[2] for k in existing_keys(s, keys)}

        return known

    def _classified_ahead(self, pages: Iterator[Page]) -> Iterator[tuple[Page, list[Mention],
                                                                        Batch]]:
        """Each page with its fresh mentions and their classification, which starts (in the
        pool's workers, for a big page) as soon as the page is read: while the caller stores
        one page, the next is being classified. A page already read is still handed over
        when reading the next one fails, so the error comes after the pages before it."""
        pending: tuple[Page, list[Mention], Batch] | None = None
        while True:
            try:
                page = next(pages)
            except StopIteration:
                break
            except BaseException:
                if pending is not None:
                    yield pending
                raise
            crashpoint(AFTER_FETCH)
            fresh = self._fresh(page)
            started = (page, fresh, self._start_classifying(fresh))
            if pending is not None:
                yield pending
            pending = started
        if pending is not None:
            yield pending

    def _start_classifying(self, fresh: list[Mention]) -> Batch:
        # Contexts (and images read) here, before the transaction: no network inside it.
        items = [(m.text, self._context(m)) for m in fresh]
        if self.pool is None:
            return Batch(items, self.classify)
        return self.pool.submit(items)

    def _fresh(self, page: Page) -> list[Mention]:
        """The page's mentions not yet stored, oldest first, cleaned for the database."""
        with self.db.session() as s:
            seen = existing_keys(s, (m.key for m in page.mentions))
        fresh: list[Mention] = []
        # Platforms page newest first; store oldest first so alerts arrive in order.
        for m in sorted(page.mentions, key=lambda m: m.created_at):
            if m.key not in seen:
                seen.add(m.key)
                # Lone surrogates and NUL, which the databases refuse, are cleaned here, where
                # every source's posts (polled or pushed) come in.
                fresh.append(clean_record(m))
        return fresh

    def _store_page(self, edge: str, page: Page) -> int:
        fresh = self._fresh(page)
        # Classify (and read images) before the transaction: no network inside it.
        return self._store_decided(edge, page, [(m, self.classify(m.text, self._context(m)))
                                                for m in fresh])

    def _store_decided(self, edge: str, page: Page,
                       decided: list[tuple[Mention, Decision]]) -> int:
        """One transaction per page: mentions, decisions, alerts and (last page) the cursor.

        Should the page's transaction fail, each post is stored in its own, and one that still
        fails is quarantined with its error: one poison post never stops a feed."""
        try:
            return self._commit(edge, decided, page)
        except (SQLAlchemyError, UnicodeError, ValueError):
            if not decided:
                raise
            log.warning("%s: a page of %d failed to store; storing its posts one by one",
                        edge, len(decided))
        new = sum(self._store_alone(edge, m, d) for m, d in decided)
        self._commit(edge, [], page)
        return new

    def _store_alone(self, edge: str, m: Mention, d: Decision) -> int:
        try:
            return self._commit(edge, [(m, d)], Page([m]))
        except (SQLAlchemyError, UnicodeError, ValueError) as exc:
            # The database's own message, never the statement's parameters (post text).
            error = f"{type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
            if isinstance(exc, SQLAlchemyError) and getattr(exc, "orig", None) is None:
                error = type(exc).__name__
            log.error("%s: %s %s could not be stored; quarantined (%s)", edge, m.platform,
                      m.external_id, type(exc).__name__)
            now = self.clock.now()
            with self.db.session() as s:
                if quarantine(s, m, edge, error, now):
                    self._raise_admin(s, PollWarning(
                        key=f"quarantine:{m.platform}:{m.account}:{m.external_id}",
                        title=f"A post to {m.account} could not be stored",
                        body=(f"{m.platform} {m.kind} {m.external_id} ({m.permalink or 'no link'}) "
                              f"failed to store and was set aside; the rest of its page was "
                              f"stored and the feed goes on. Error: {error[:300]}"),
                        fix="Read the post on the platform itself; the quarantined_posts table "
                            "holds its id and error for whoever looks into the cause.",
                    ))
            return 0

    def _commit(self, edge: str, decided: list[tuple[Mention, Decision]], page: Page) -> int:
        now = self.clock.now()
        with self.db.session() as s:
            # In bulk: one statement per table per page, not three round trips a mention.
            ids = insert_mentions(s, [m for m, _ in decided], now)
            # A mention missing from `ids` was stored a moment ago (by a webhook).
            stored = [(ids[m.key], m, d) for m, d in decided if m.key in ids]
            insert_decisions(s, [(mid, d) for mid, _, d in stored], now)
            folded = self.storm.fold(s, stored, self.placer, now) if self.storm else {}
            self.placer.enqueue_many(s, [it for it in stored if it[0] not in folded], now)
            new = len(stored)
            if page.final:
                record_poll_gap(s, edge, cursors.get_state(s, edge).last_success_at, now,
                                self.gap_after)
                cursors.record_success(s, edge, now, page.cursor)
        metrics.count_ingested(m for _, m, _ in stored)
        return new

    def _context(self, m: Mention) -> Context:
        ctx = context_for(m)
        if self.read_media is None or not m.media:
            return ctx
        try:
            text = self.read_media(m)
        except Exception:  # OCR is a help, never a reason to lose a mention
            log.exception("reading the images of %s %s failed", m.platform, m.external_id)
            text = ""
        return replace(ctx, ocr_text=text)

    def ingest(self, edge: str, mentions: list[Mention]) -> int:
        """Store pushed items (webhooks) exactly as a polled page, without touching the edge's
        cursor: the next poll reads them again and drops them by id. Returns how many were new."""
        new = self._store_page(edge, Page(list(mentions)))
        log.info("%s: %d pushed, %d new", edge, len(mentions), new)
        return new

    def _failed(self, edge: str, error: str, backoff_until: object) -> int:
        with self.db.session() as s:
            return cursors.record_failure(s, edge, self.clock.now(), error, backoff_until)  # type: ignore[arg-type]

    def _source_error(self, edge: str, exc: SourceError) -> None:
        with self.db.session() as s:
            state = cursors.get_state(s, edge)
            failures = (state.consecutive_failures or 0) + 1
            delay = min(MAX_BACKOFF, timedelta(seconds=30 * 2 ** min(failures - 1, 6)))
            streak = state.last_success_at.isoformat() if state.last_success_at else "never"
            cursors.record_failure(s, edge, self.clock.now(), str(exc), self.clock.now() + delay)
            if exc.needs_person:
                # one admin alert per failure streak, not one per poll
                self._raise_admin(
                    s,
                    PollWarning(
                        key=f"source-error:{edge}:{streak}",
                        title=f"feedwatch cannot poll {edge}",
                        body=str(exc),
                        fix=exc.fix,
                    ),
                )
        log.error("%s: %s (failure %d in a row; retry in %s)", edge, exc, failures, delay)
        # A problem a person must fix (credentials, permissions) has its own admin alert: the
        # outage alert is for the platform not answering.
        if not exc.needs_person and not exc.fix:
            self._outage_alert(edge, str(exc))

    def _outage_alert(self, edge: str, error: str) -> None:
        """One admin alert when a feed has failed for longer than `outage_after`."""
        now = self.clock.now()
        with self.db.session() as s:
            state = cursors.get_state(s, edge)
            since = state.failing_since
            if since is None or now - since < self.outage_after:
                return
            minutes = int((now - since).total_seconds() // 60)
            self._raise_admin(s, PollWarning(
                key=f"outage:{edge}:{since.isoformat()}",
                title=f"feedwatch has not read {edge} for {minutes} minutes",
                body=(f"Every poll since {since.isoformat(timespec='minutes')} failed; the "
                      f"latest: {error[:300]}. Posts are read once it answers again, nothing "
                      f"is lost, but none arrive meanwhile."),
                fix="Check the platform's status page; if it is up, run `feedwatch check`.",
            ))

    def _warn(self, warning: PollWarning) -> None:
        with self.db.session() as s:
            self._raise_admin(s, warning)
        log.warning("admin alert: %s", warning.title)

    def _raise_admin(self, s: Session, w: PollWarning) -> None:
        admin.raise_alert(s, w.key, w.title, w.body, w.fix, self.admin_channel, self.clock.now())
