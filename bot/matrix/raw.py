"""The few client-server calls nio has no method for (writing account data)."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import quote

from nio import AsyncClient

log = logging.getLogger(__name__)

MAX_RATE_LIMITED = 5


async def call(client: AsyncClient, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON body) of one call to the client API, waiting out rate limits as asked."""
    headers = {"Authorization": f"Bearer {client.access_token}", "Content-Type": "application/json"}
    data = None if body is None else json.dumps(body)
    for _ in range(MAX_RATE_LIMITED):
        response = await client.send(method, path, data, headers)
        try:
            answer = await response.json(content_type=None)
        except (ValueError, UnicodeDecodeError):
            answer = {}
        finally:
            response.release()
        if response.status == 429 or (isinstance(answer, dict) and answer.get("errcode") == "M_LIMIT_EXCEEDED"):
            await asyncio.sleep(int(answer.get("retry_after_ms", 1000)) / 1000)
            continue
        return response.status, answer if isinstance(answer, dict) else {}
    return 429, {}


def account_data_path(user_id: str, kind: str) -> str:
    return f"/_matrix/client/v3/user/{quote(user_id, safe='')}/account_data/{quote(kind, safe='')}"
