"""scripts/system-deps.sh waits for the package manager's lock, within a bound, with a message."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "system-deps.sh"
LOCKED = ("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 "
          "(unattended-upgr)\nE: Unable to acquire the dpkg frontend lock "
          "(/var/lib/dpkg/lock-frontend), is another process using it?")


def fake_apt(tmp_path: Path, locked_times: int) -> Path:
    """An apt-get that reports the lock held for its first `locked_times` calls."""
    counter = tmp_path / "calls"
    counter.write_text("0")
    tool = tmp_path / "apt-get"
    tool.write_text(f"""#!/usr/bin/env bash
n=$(( $(cat {counter}) + 1 )); echo $n > {counter}; echo "$@" >> {tmp_path}/args
if [ $n -le {locked_times} ]; then printf '%s\\n' "{LOCKED}" >&2; exit 100; fi
exit 0
""")
    tool.chmod(0o755)
    return tool


def run(tmp_path: Path, locked_times: int, wait: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "APT_GET": str(fake_apt(tmp_path, locked_times)),
           "SYSTEM_DEPS_PACKAGES": "tesseract-ocr", "APT_LOCK_WAIT_SECONDS": str(wait),
           "APT_LOCK_POLL_SECONDS": "0.1"}
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True,
                          timeout=60)


def test_waits_while_the_lock_is_held_then_installs(tmp_path: Path) -> None:
    done = run(tmp_path, locked_times=3, wait=30)
    assert done.returncode == 0, done.stderr
    assert "holds the package manager's lock; waiting up to 30s" in done.stderr
    calls = (tmp_path / "args").read_text().splitlines()
    assert len(calls) == 5  # update refused 3 times, then update and install
    assert "DPkg::Lock::Timeout=30" in calls[-1] and "install" in calls[-1]


def test_gives_up_after_the_bound_with_a_message(tmp_path: Path) -> None:
    done = run(tmp_path, locked_times=10_000, wait=1)
    assert done.returncode == 100
    assert "lock was still held after 1s" in done.stderr


def test_other_failures_are_not_waited_for(tmp_path: Path) -> None:
    tool = fake_apt(tmp_path, 0)
    tool.write_text("#!/usr/bin/env bash\necho 'E: Unable to locate package nope' >&2\nexit 100\n")
    env = {**os.environ, "APT_GET": str(tool), "SYSTEM_DEPS_PACKAGES": "nope"}
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 100 and "Unable to locate package" in done.stderr
    assert "waiting" not in done.stderr
