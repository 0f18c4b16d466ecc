"""A burst classified in real worker processes: the same decisions as in the process, each
mention stored once, a policy reload followed, and a dead worker costing speed, not posts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.core.policy_file import PolicyHolder, compile_policy, read_source
from bot.ingest.classify_pool import MIN_BATCH, ClassifyPool
from bot.store.schema import DecisionRow, MentionRow
from policy.decision import Context
from tests.ingest.conftest import World
from tests.ingest.test_policy_fairness_reload import INSULT_RULE

# Kinds of post whose decisions differ, so that a worker deciding differently would show.
TEXTS = [
    "@NSFTtweets what time does the clinic open on Saturday?",
    "@NSFTtweets I can't go on any more, I have written my goodbye letters",
    "@NSFTtweets waited six hours in A&E and nobody told us anything, disgraceful",
    "@NSFTtweets thank you to the nurses on Willow ward, they were wonderful",
    "@NSFTtweets my NHS number is 943 476 5919, can you check my referral?",
    "@NSFTtweets I know where your manager lives and I'm coming for her",
    "@NSFTtweets win a free iPhone!!! click bit.ly/fr33phone now",
]


@pytest.fixture
def holder() -> PolicyHolder:
    source = read_source()
    return PolicyHolder(compile_policy(*source), source=source)


@pytest.fixture
def pool(holder: PolicyHolder) -> Iterator[ClassifyPool]:
    pool = ClassifyPool(holder, processes=2)
    pool.start()
    yield pool
    pool.close()


def decide(holder: PolicyHolder, items: list[tuple[str, Context]]) -> list[object]:
    return [holder.classify(text, context) for text, context in items]


def items(n: int) -> list[tuple[str, Context]]:
    return [(f"{TEXTS[i % len(TEXTS)]} ({i})", Context(platform="x", kind="mention"))
            for i in range(n)]


def test_workers_decide_as_the_process_does(pool: ClassifyPool, holder: PolicyHolder) -> None:
    batch = items(3 * len(TEXTS) * 4)
    assert pool.submit(batch).result() == decide(holder, batch)
    assert pool.handed_over == len(batch)


def test_a_small_page_is_classified_in_the_process(pool: ClassifyPool,
                                                   holder: PolicyHolder) -> None:
    batch = items(MIN_BATCH - 1)
    assert pool.submit(batch).result() == decide(holder, batch)
    assert pool.handed_over == 0


def test_a_pool_not_started_classifies_in_the_process(holder: PolicyHolder) -> None:
    pool = ClassifyPool(holder, processes=2)
    assert pool.submit(items(MIN_BATCH)).result() == decide(holder, items(MIN_BATCH))
    assert pool.handed_over == 0


def test_a_reloaded_policy_reaches_the_workers(pool: ClassifyPool,
                                               holder: PolicyHolder) -> None:
    text, name = read_source()
    # The trust adds a phrase of its own to the insult rule; the worker must use it.
    assert INSULT_RULE in text
    edited = text.replace(INSULT_RULE, INSULT_RULE + "        terms: [question number]\n")
    holder.replace(compile_policy(edited, name), (edited, name))
    batch = [(f"@NSFTtweets question number {i}", Context()) for i in range(MIN_BATCH)]
    decided = pool.submit(batch).result()
    assert decided == decide(holder, batch)
    assert decided[0].flags, "the edited rule should fire on the new term"
    assert pool.handed_over == len(batch)


def test_a_killed_worker_costs_speed_not_decisions(pool: ClassifyPool,
                                                   holder: PolicyHolder) -> None:
    batch = items(MIN_BATCH * 2)
    assert pool.submit(batch).result() == decide(holder, batch)
    executor = pool._executor
    assert executor is not None
    for process in list(executor._processes.values()):
        process.kill()
        process.join()
    # The pool is broken: the batch is decided here, and the next burst starts a new pool.
    assert pool.submit(batch).result() == decide(holder, batch)
    handed = pool.handed_over
    assert pool.submit(batch).result() == decide(holder, batch)
    assert pool.handed_over == handed + len(batch)


def test_a_burst_through_the_pipeline_is_stored_once_as_the_process_decides(
        world: World) -> None:
    pipeline = world.pipeline
    pipeline.pool = ClassifyPool(world.services.policy, processes=1)
    pipeline.start_workers()
    try:
        for i in range(250):
            world.clock.advance(1)
            world.fake_x.add_tweet("pat", f"{TEXTS[i % len(TEXTS)]} ({i})")
        report = pipeline.poll_edge(world.source("nsft"), "x:nsft:mentions")
    finally:
        pipeline.close()
    assert report.error == "" and report.new == 250
    assert pipeline.pool.handed_over == 250  # three pages of 100, 100 and 50
    with world.db.session() as s:
        rows = s.execute(select(MentionRow.text, DecisionRow.categories).join(
            DecisionRow, DecisionRow.mention_id == MentionRow.id)).all()
    assert len(rows) == 250
    engine = world.services.policy.engine
    for text, categories in rows:
        expected = engine.classify(text, Context(platform="x", kind="mention"))
        assert sorted(categories) == sorted({f.category for f in expected.flags})
