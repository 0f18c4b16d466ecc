# feedwatch: one image for every shape (`feedwatch run`, or `ingest` + `serve`).
# Build:  podman build -t feedwatch .   (or docker build)
# Run:    see compose.yaml, and docs/operations.md.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
# The version comes from git tags (setuptools-scm); a build context has no .git, so the
# release script passes it in.
ARG FEEDWATCH_VERSION=0.0.0+container
WORKDIR /app
RUN python -m venv /app/.venv
# The pinned dependencies first: this layer is rebuilt only when the lock changes.
COPY requirements.lock ./
RUN /app/.venv/bin/pip install -r requirements.lock
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY policy ./policy
RUN SETUPTOOLS_SCM_PRETEND_VERSION="${FEEDWATCH_VERSION}" \
    /app/.venv/bin/pip install --no-deps .

FROM ${PYTHON_IMAGE}
# Tesseract reads the text in posted images (bot/ingest/ocr.py); English is the trust's language.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin feedwatch \
    && mkdir -p /app/var \
    && chown feedwatch /app/var
COPY --from=build /app/.venv /app/.venv
WORKDIR /app
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////app/var/feedwatch.db \
    PORT=3000 \
    HEALTH_PORT=8081
# SQLite's file (a trial on one host); use PostgreSQL (DATABASE_URL) in production.
VOLUME ["/app/var"]
USER 10001
# 3000: Slack's requests in HTTP mode; 8081: /healthz, /readyz, /metrics otherwise.
EXPOSE 3000 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.runtime.probe"]
CMD ["feedwatch", "run"]
