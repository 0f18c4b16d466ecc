#!/usr/bin/env bash
# System packages the full test suite uses, from Debian's packages: Tesseract (OCR) and
# Chromium (the browser tests of the Slack stand-in). Installs only what is missing.
#
# Another apt or dpkg (unattended-upgrades, a second engineer's install) may hold the package
# manager's lock: then this waits, saying so, for up to APT_LOCK_WAIT_SECONDS (default 600)
# instead of failing, and gives up with a message naming the lock after that.
set -euo pipefail
APT_GET=${APT_GET:-apt-get}
wait_for=${APT_LOCK_WAIT_SECONDS:-600}
need=()
if [ -n "${SYSTEM_DEPS_PACKAGES:-}" ]; then
  read -r -a need <<<"$SYSTEM_DEPS_PACKAGES"
else
  command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi

# Run apt-get, waiting while the lock is held by someone else. apt's own DPkg::Lock::Timeout
# covers the dpkg lock; the loop covers the lists lock of `update` and older apt.
apt_locked() {
  local deadline=$((SECONDS + wait_for)) out status said=""
  while :; do
    status=0
    out=$("$APT_GET" -o "DPkg::Lock::Timeout=$wait_for" "$@" 2>&1) || status=$?
    if [ "$status" -eq 0 ]; then
      [ -n "$out" ] && printf '%s\n' "$out" >&2
      return 0
    fi
    if ! grep -qiE 'could not get lock|unable to acquire|lock-frontend|is another process using it' <<<"$out"; then
      printf '%s\n' "$out" >&2
      return "$status"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      printf '%s\n' "$out" >&2
      echo "system-deps: the package manager's lock was still held after ${wait_for}s; " \
           "try again when the other apt/dpkg has finished (see: ps -C apt-get,dpkg)" >&2
      return "$status"
    fi
    if [ -z "$said" ]; then
      echo "system-deps: another apt/dpkg holds the package manager's lock; waiting up to" \
           "${wait_for}s..." >&2
      said=1
    fi
    sleep "${APT_LOCK_POLL_SECONDS:-5}"
  done
}

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt_locked update -qq
  apt_locked install -y -qq --no-install-recommends "${need[@]}"
fi
