"""What the command writes: UTF-8 streams, JSON lines, the progress bar, the JSON shapes."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

from desktop.messages import CATALOG, text

if TYPE_CHECKING:
    from db.records import NoticeDetail


def utf8(stream: TextIO) -> None:
    """Write UTF-8 whatever the console's code page (Vietnamese on a Windows console)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):
            pass


def shell_word(word: str) -> str:
    """*word* as a command suggested to the user is written: pasted, it reaches us whole.

    Quoted when a shell would split it or eat a character (`&`, `?`, a
    space): in double quotes, which Bash, cmd and PowerShell all take, unless
    it holds a character that is special inside them too.
    """
    import shlex

    if shlex.quote(word) == word:
        return word
    if not any(c in word for c in '"$`\\!'):
        return f'"{word}"'
    return shlex.quote(word)


def print_json(value: Any) -> None:
    """One JSON document on one line of stdout, Vietnamese letters as they are."""
    print(json.dumps(value, ensure_ascii=False, indent=None))


#: The stages in which a command waits for another program or PC (said once, in words).
WAITING_STAGES = frozenset({"waiting", "waiting_server"})


class ProgressBar:
    """Progress on stderr, drawn only when stderr is a terminal.

    Redirected, it stays silent: scripts read stderr, and a failure there must
    be one sentence, not stage lines followed by the reason.
    """

    WIDTH = 30

    def __init__(self, lang: str, stream: TextIO | None = None) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.stage = ""
        self.last_draw = 0.0
        self.said: set[str] = set()

    def set_progress(self, stage: str, done: int, total: int) -> None:
        """What desktop.ops.importing reports to: the same as calling the bar."""
        self(stage, done, total)

    def is_cancelled(self) -> bool:
        """A command is cancelled with Ctrl+C, which interrupts it; never by asking."""
        return False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage in WAITING_STAGES:
            self._say_waiting(stage)
            return
        if not self.tty:
            return
        code = f"stage_{stage}"
        label = text(code, self.lang) if code in CATALOG else stage
        now = time.monotonic()
        if stage == self.stage and now - self.last_draw < 0.1 and done < total:
            return
        self.stage, self.last_draw = stage, now
        fraction = done / total if total else 1.0
        filled = int(self.WIDTH * fraction)
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        print(
            f"\r{label:<34} {bar} {fraction:4.0%} ({done}/{total})",
            end="",
            file=self.stream,
            flush=True,
        )
        if stage == "done":
            print(file=self.stream, flush=True)

    def _say_waiting(self, stage: str) -> None:
        """Say once, on a line of its own, what the command waits for, terminal or not:
        a wait with no word looks like a hang."""
        if stage in self.said:
            return
        self.said.add(stage)
        self.clear()
        print(text(f"stage_{stage}", self.lang) + "…", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.tty and self.stage and self.stage != "done":
            print(file=self.stream, flush=True)
        self.stage = ""

    def clear(self) -> None:
        """Wipe a half-drawn bar, so that the reason for a failure stands alone."""
        if self.tty and self.stage and self.stage != "done":
            print("\r\033[K", end="", file=self.stream, flush=True)
        self.stage = ""


def validity_json(notice: NoticeDetail, lang: str = "vi") -> dict[str, Any]:
    """`validity: {status, label, since, because}`; status and label null for news."""
    found = notice.validity
    return {
        "status": found.status if found else None,
        "label": text(f"status_{found.status}", lang) if found else None,
        "since": found.since.isoformat() if found and found.since else None,
        "because": [{"relation": b.relation, "id": b.id} for b in found.because] if found else [],
    }


def relations_json(notice: NoticeDetail) -> list[dict[str, Any]]:
    """`relations: [{relation, id, title, direction}]`; title null for a missing notice."""
    return [
        {"relation": r.relation, "id": r.id, "title": r.title, "direction": r.direction}
        for r in notice.relations
    ]


def notice_json(notice: NoticeDetail, *, body: bool = True, lang: str = "vi") -> dict[str, Any]:
    """A notice as `show --json` and `list --json` print it; the field names are stable."""
    data: dict[str, Any] = {
        "id": notice.id,
        "title": notice.title,
        "category": notice.category,
        "published": notice.published.isoformat(),
        "updated": notice.updated.isoformat() if notice.updated else None,
        "number": notice.number,
        "type": notice.doc_type,
        "issuer": notice.issuer,
        "issued": notice.issued.isoformat() if notice.issued else None,
        "summary": notice.summary,
        "withdrawn": notice.withdrawn,
        "related": list(notice.related),
        "attachments": [
            {"name": a.name, "size": a.size, "sha256": a.sha256} for a in notice.attachments
        ],
        "views": notice.views,
        "effective": notice.effective.isoformat() if notice.effective else None,
        "expires": notice.expires.isoformat() if notice.expires else None,
        "signer": (
            {
                "authority": notice.signer.authority,
                "title": notice.signer.title,
                "name": notice.signer.name,
            }
            if notice.signer
            else None
        ),
        "field": notice.sector,
        "urgency": notice.urgency,
        "deadline": notice.deadline.isoformat() if notice.deadline else None,
        "recipients": list(notice.recipients),
        "validity": validity_json(notice, lang),
        "relations": relations_json(notice),
    }
    if body:
        data["body_markdown"] = notice.body_markdown
    return data
