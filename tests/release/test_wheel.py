"""The built wheel, installed into a clean virtual environment, works without the source
tree: the commands, the bundled policy and the migrations are all inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from bot.store.db import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


def run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd}: {done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_the_wheel_installs_and_runs_in_a_clean_venv(tmp_path: Path) -> None:
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist",
        ROOT, cwd=tmp_path)
    [wheel] = (tmp_path / "dist").glob("feedwatch-*.whl")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    run(venv / "bin" / "pip", "install", "--quiet", wheel, cwd=tmp_path)
    # Away from the source tree, with nothing of the developer's environment.
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{away}/fw.db", "LANG": os.environ.get("LANG", "C.UTF-8")}
    feedwatch = venv / "bin" / "feedwatch"
    assert "ingest" in run(feedwatch, "--help", cwd=away, env=env).stdout
    assert run(feedwatch, "--version", cwd=away, env=env).stdout.startswith("feedwatch ")
    decision = json.loads(run(feedwatch, "classify", "--json",
                              "I want to end it all tonight", cwd=away, env=env).stdout)
    assert decision["categories"] == ["crisis"]  # the bundled policy is in the wheel
    newest = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    upgraded = run(feedwatch, "db", "upgrade", cwd=away, env=env).stdout
    assert f"empty -> {newest}" in upgraded  # every migration shipped in the wheel
    assert not (away / "bot").exists()
