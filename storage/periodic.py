"""Background loops of the app (services started and stopped with its lifespan)."""

from __future__ import annotations

import asyncio
import contextlib
from abc import ABC, abstractmethod


class Periodic(ABC):
    """Calls :meth:`tick` every ``interval`` seconds from start to stop. ``tick`` handles
    its own failures: the next turn simply tries again."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    def enabled(self) -> bool:
        return True

    @property
    def running(self) -> bool:
        """Whether the loop is started (and has not ended)."""
        return self._task is not None and not self._task.done()

    @abstractmethod
    async def tick(self) -> None: ...

    async def start(self) -> None:
        if self.enabled() and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            await self.tick()
