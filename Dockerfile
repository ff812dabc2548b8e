# Doorstep in a small image: build wheels in one stage, run as a non-root user in another.
# Every dependency is installed at the version in constraints.txt (what `make test` tested), so two
# builds of the same commit install the same things.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY config ./config
COPY locales ./locales
RUN pip wheel --no-cache-dir --constraint constraints.txt --wheel-dir /wheels .

FROM python:3.11-slim
# A font with wide coverage (Polish, Romanian, Cyrillic…) for the weekly summary's chart and the printed
# leaflets and posters (embedded in their PDFs).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin doorstep \
    && mkdir -p /data && chown doorstep:doorstep /data
COPY --from=build /src/constraints.txt /tmp/constraints.txt
COPY --from=build /wheels /wheels
# Only the wheels built above (no index): nothing is resolved afresh here.
RUN pip install --no-cache-dir --no-index --find-links /wheels --constraint /tmp/constraints.txt doorstep \
    && rm -rf /wheels /tmp/constraints.txt
# The database and the Matrix encryption store live on the /data volume; back it up. Upgrade backups
# go to /data/backups. /healthz and /metrics are on: inside the container they listen on every
# address, and compose.yaml publishes the port on the host's 127.0.0.1 only.
ENV DOORSTEP_DATABASE__PATH=/data/doorstep.sqlite3 \
    DOORSTEP_MATRIX__STORE_PATH=/data/matrix \
    DOORSTEP_HEALTH__ENABLED=true \
    DOORSTEP_HEALTH__LISTEN=0.0.0.0 \
    DOORSTEP_HEALTH__PORT=8089 \
    PYTHONUNBUFFERED=1
VOLUME ["/data"]
WORKDIR /data
USER doorstep
EXPOSE 8089
# Unhealthy after three failed checks in a row: a platform down past its allowance, due work stalled,
# or a database that can't be written (docs/operations.md). Start-up may wait a minute for Telegram.
HEALTHCHECK --interval=30s --timeout=15s --start-period=2m --retries=3 CMD ["doorstep", "healthcheck"]
# Bad settings or an unusable database exit 0 here (after saying why), so restart-on-failure stops;
# every other exit that isn't 0 is a failure and is restarted.
CMD ["doorstep", "run", "--needs-a-person-status", "0"]
