#!/usr/bin/env bash
# A local stand-in for python:3.11-slim-bookworm, for machines that reach Debian's mirror but no
# container registry: Debian bookworm (minbase) with its Python 3.11 and venv, made with
# debootstrap and imported into the builder. The trust's own build uses the real base image.
#
#   bash scripts/container-base.sh [podman|docker]   prints the image's name
#
# The host's extra CA certificates (an egress proxy's, say) go into the image's trust store, so
# that apt and pip inside the build trust what the host trusts.
set -euo pipefail
builder=${1:-podman}
tag=localhost/feedwatch-base:bookworm
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

[ "$builder" = buildah ] && { echo "container-base: buildah cannot import a root file system" >&2; exit 1; }
if "$builder" image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"; exit 0
fi
[ "$(id -u)" = 0 ] || { echo "container-base: debootstrap needs root" >&2; exit 1; }
rootfs=$(mktemp -d /tmp/feedwatch-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
echo "container-base: debootstrap bookworm from $mirror (about a minute)" >&2
timeout 900 debootstrap --variant=minbase \
  --include=python3,python3-venv,python-is-python3,ca-certificates \
  bookworm "$rootfs" "$mirror" >&2
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
  chroot "$rootfs" update-ca-certificates >/dev/null
fi
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | "$builder" import - "$tag" >/dev/null
echo "$tag"
