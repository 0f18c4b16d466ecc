"""Settings read from files: for any variable NAME, NAME_FILE=/path gives its value as the
file's contents, so tokens need not sit in the environment (Docker and compose secrets under
/run/secrets, systemd's LoadCredential= under $CREDENTIALS_DIRECTORY, a Kubernetes Secret
mounted as files)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

SUFFIX = "_FILE"
# Bigger than any token or account list; a mistaken path to a large file is refused.
MAX_BYTES = 1_000_000


class SecretFileError(ValueError):
    """A *_FILE variable that cannot be used; the message names it and says why."""


def values_from_files(environ: Mapping[str, str], fields: Iterable[str]) -> dict[str, str]:
    """{field: file contents} for every field whose NAME_FILE is set. One trailing newline
    (as `echo` and editors leave) is dropped; anything else in the file is the value."""
    env = {k.upper(): v for k, v in environ.items() if v}
    values: dict[str, str] = {}
    problems: list[str] = []
    for field in fields:
        name = field.upper()
        path = env.get(name + SUFFIX)
        if path is None:
            continue
        if name in env:
            problems.append(f"  - {name}{SUFFIX}: {name} is set too; set one or the other")
            continue
        try:
            data = Path(path).read_bytes()[: MAX_BYTES + 1]
        except OSError as exc:
            problems.append(f"  - {name}{SUFFIX}: cannot read {path} ({exc.strerror})")
            continue
        if len(data) > MAX_BYTES:
            problems.append(f"  - {name}{SUFFIX}: {path} is larger than {MAX_BYTES} bytes")
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"  - {name}{SUFFIX}: {path} is not UTF-8 text")
            continue
        text = text.removesuffix("\n").removesuffix("\r")
        if not text:
            problems.append(f"  - {name}{SUFFIX}: {path} is empty")
            continue
        values[field] = text
    if problems:
        raise SecretFileError("\n".join(problems))
    return values
