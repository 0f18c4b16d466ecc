"""The running bot picks up an edited policy, and keeps the last good one after a bad edit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.runtime.policy_reload import reload_policy
from bot.store.schema import AlertRow, AuditRow
from policy import bundled_policy_path
from tests.harness import services_for
from tests.ingest.conftest import World


def test_edit_is_picked_up_and_a_broken_edit_is_refused(world: World, tmp_path: Path) -> None:
    policy_file = tmp_path / "trust-policy.yaml"
    original = bundled_policy_path().read_text()
    policy_file.write_text(original)
    settings = world.settings.model_copy(update={"policy_file": policy_file})
    services = services_for(settings, world.clock, world.fake_x)
    try:
        first = services.policy.engine.version
        assert reload_policy(services) == "unchanged"

        policy_file.write_text(original + "\n# edited by the comms team\n")
        assert reload_policy(services) == "reloaded"
        edited = services.policy.engine.version
        assert edited != first

        lines = original.splitlines()
        at = next(i for i, line in enumerate(lines) if line.strip().startswith("severity:"))
        lines[at] = lines[at].split("severity:")[0] + "severity: catastrophic"
        policy_file.write_text("\n".join(lines))
        assert reload_policy(services) == "invalid"
        assert reload_policy(services) == "invalid"  # still broken: no second admin alert
        assert services.policy.engine.version == edited  # the last good policy stays

        with services.db.session() as s:
            admins = s.execute(select(AlertRow).where(AlertRow.kind == "admin")).scalars().all()
            actions = s.execute(select(AuditRow.action)).scalars().all()
        assert len(admins) == 1
        assert f":{at + 1}:" in admins[0].payload["body"]
        assert "still using the last good policy" in admins[0].payload["body"]
        assert "policy_reloaded" in actions
    finally:
        services.db.dispose()
