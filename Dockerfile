# Doorstep in a small image: build wheels in one stage, run as a non-root user in another.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY config ./config
COPY locales ./locales
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
# A font with wide coverage (Polish, Romanian, Cyrillic…) for the weekly summary's chart.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin doorstep \
    && mkdir -p /data && chown doorstep:doorstep /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
# The database and the Matrix encryption store live on the /data volume; back it up.
ENV DOORSTEP_DATABASE__PATH=/data/doorstep.sqlite3 \
    DOORSTEP_MATRIX__STORE_PATH=/data/matrix \
    PYTHONUNBUFFERED=1
VOLUME ["/data"]
WORKDIR /data
USER doorstep
CMD ["doorstep", "run"]
