"""Upload handling for the voter register: the file is held in memory, never written to disk."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload

from wiec.verification.forms import MAX_REGISTER_BYTES


class MemoryOnlyUploadHandler(MemoryFileUploadHandler):
    """Django spools uploads above 2.5 MB to a temporary file; a register of PESEL numbers
    must not touch the disk, so this handler keeps up to 64 MB in memory and refuses more."""

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],  # noqa: N803 - Django's signature
        content_length: int,
        boundary: str,
        encoding: str | None = None,
    ) -> None:
        if content_length > MAX_REGISTER_BYTES + 1024 * 1024:
            raise StopUpload(connection_reset=True)
        self.activated = True

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_REGISTER_BYTES:
            raise StopUpload(connection_reset=True)
        self.file.write(raw_data)
        return None
