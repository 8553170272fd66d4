"""A one-line progress display on a terminal: which run, elapsed time, the last line of output. Silent when standard
error is not a terminal or ``CI`` is set, so logs and CI output stay clean."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time


class Progress:
    def __init__(self, enabled: bool | None = None, stream=None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)()) and not os.environ.get("CI")
        self.enabled = enabled
        self.label = ""
        self.line = ""
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start_run(self, label: str) -> None:
        self.label, self.line, self.started = label, "", time.monotonic()
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._refresh, daemon=True)
            self._thread.start()

    def output(self, line: str) -> None:
        self.line = line

    def message(self, text: str) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K" + text + "\n")
            self.stream.flush()

    def _refresh(self) -> None:
        while not self._stop.wait(0.25):
            elapsed = int(time.monotonic() - self.started)
            text = f"{self.label}  {elapsed // 60:02d}:{elapsed % 60:02d}  {self.line}"
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r\x1b[K" + text[:width])
            self.stream.flush()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self.stream.write("\r\x1b[K")
            self.stream.flush()
