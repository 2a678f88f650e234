"""Markdown → sanitized HTML for a notice body.

A notice body comes from a publisher we trust to sign, not to be careful, so
the output may hold nothing that runs or reaches out. The pipeline is:

1. clean the text: NUL and bidi override/embedding controls removed, NFC;
2. bound the input: container nesting (``>``, list markers, indentation) is
   capped per line, because Python-Markdown's block parser recurses per level
   and grows worse than quadratically (400 levels: ~2 s, then RecursionError);
   lines over MAX_LINE_CHARS, and everything past MAX_MARKDOWN_CHARS, skip
   Markdown and are shown as plain text (Markdown costs ~0.2 µs a character
   even with no markup: a 1 MB line took ~250 ms);
3. Python-Markdown with ``tables`` and ``sane_lists`` only (no ``attr_list``,
   no ``nl2br``). Raw HTML is *escaped*, not passed on: html5ever (inside
   nh3) is quadratic in nesting depth (100,000 nested ``<div>``: ~30 s), and
   bounding raw HTML depth would mean a second HTML parser in front of the
   sanitizer. Authors write Markdown; a stray ``<b>`` shows as text, and so
   does a character reference such as ``&copy;`` (see _RenderState.amp);
4. an inline budget: Python-Markdown's inline pass costs ~30 µs per match and
   is quadratic in a long run of matches (1 MB of ``*a* ``: 5 minutes), so
   once a document has used its budget of inline markup characters, further
   text runs are kept as plain text;
5. nh3 with an explicit whitelist (the security boundary);
6. (for the window) big tables cut before Markdown sees them: Qt lays a
   table out on the GUI thread at roughly 0.1 ms a cell, so a page lays out
   at most a budget of cells and each table cut short links to its whole
   content (TableData), which the window shows in a model/view table;
7. our own re-serialisation of nh3's output, which applies the policy nh3
   cannot express: images only from the notice's own attachments
   (``attachment:<sha256>``), links only to http/https/mailto, ``notice:<id>``
   and the notice's attachments, bounded colspan/rowspan and tree depth, and
   NFC text.
"""

from __future__ import annotations

import html
import re
import secrets
import threading
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Sequence
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.tables import TableExtension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from db.folding import BIDI_CONTROLS
from db.records import AttachmentRecord
from desktop.render.tables import TableData, TableNote, cut_tables

#: Container levels (quotes, list markers, 4-column indents) one line may open.
MAX_CONTAINER_DEPTH = 8
#: Inline markup characters a whole document may spend on Markdown formatting.
INLINE_BUDGET = 4000
#: Longer lines skip Markdown and are shown as plain text.
MAX_LINE_CHARS = 5000
#: Characters of a document Markdown may parse; the rest is shown as plain text.
MAX_MARKDOWN_CHARS = 100_000
#: Open elements the final HTML may nest; deeper tags are dropped, text kept.
MAX_HTML_DEPTH = 32
#: Largest colspan/rowspan kept; larger values would make Qt lay out huge grids.
MAX_CELL_SPAN = 64

#: NUL and the bidi controls (embeddings, overrides, isolates, LRM/RLM/ALM):
#: they can make text read differently from what it says.
_STRIP_RE = re.compile(f"[\x00{BIDI_CONTROLS}]")

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "blockquote", "pre", "code",
        "em", "strong", "b", "i", "u", "sub", "sup",
        "table", "thead", "tbody", "tr", "th", "td",
        "a", "img",
    }
)  # fmt: skip
_CLEAN_CONTENT_TAGS = {
    "script", "style", "iframe", "object", "embed", "noscript", "template",
    "textarea", "select", "svg", "math", "title", "noembed", "noframes", "xmp",
}  # fmt: skip
_CELL_ATTRS = {"colspan", "rowspan", "align"}
_NH3_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": _CELL_ATTRS,
    "td": _CELL_ATTRS,
    "ol": {"start"},
}
#: Links to a cut table's whole content ("table:0"); only the renderer writes them.
TABLE_SCHEME = "table"
URL_SCHEMES = frozenset({"http", "https", "mailto", "notice", "attachment"})
_VOID_TAGS = frozenset({"br", "hr", "img"})
_ALIGN_VALUES = frozenset({"left", "center", "right"})

_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_NOTICE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,119}$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# Characters that start an inline Markdown construct, plus the hard line break.
_INLINE_MARKUP_RE = re.compile(r"[*_`\[\]!<&\\]| {2,}\n")
# A line's run of container openers: indentation, ">" and list markers.
_CONTAINER_RE = re.compile(r"^(?:[ ]*(?:>|[-*+](?=[ ]|$)|\d{1,9}[.)](?=[ ]|$)))*[ ]*")
_CONTAINER_TOKEN_RE = re.compile(r"[ ]+|>|[-*+]|\d{1,9}[.)]")
# Grossly long runs of indentation or ">" at line starts, shrunk in one cheap
# pass before anything walks the text line by line (_cap_line caps them fully).
_LONG_INDENT_RE = re.compile(r"^[ \t]{65,}", re.MULTILINE)
_LONG_QUOTE_RE = re.compile(r"^[> \t]{65,}", re.MULTILINE)


def clean_text(text: str) -> str:
    """Return *text* without NUL and bidi controls, in NFC."""
    return unicodedata.normalize("NFC", _STRIP_RE.sub("", text))


def render_body(markdown_text: str, attachments: Sequence[AttachmentRecord]) -> str:
    """Render a notice's Markdown body to sanitized HTML (a fragment), tables whole."""
    return render_body_tables(markdown_text, attachments)[0]


def render_body_tables(
    markdown_text: str,
    attachments: Sequence[AttachmentRecord],
    *,
    cell_budget: int | None = None,
    note: TableNote | None = None,
) -> tuple[str, list[TableData]]:
    """Render a body; with *cell_budget*, big tables are cut and returned whole beside it."""
    text = clean_text(markdown_text)
    text = _LONG_INDENT_RE.sub(" " * 64, text)
    text = _LONG_QUOTE_RE.sub(_shrink_quotes, text)
    state = _RenderState()
    tables: list[TableData] = []
    if cell_budget is not None and note is not None:
        text, tables = cut_tables(text, cell_budget, note, state.table_token)
    try:
        raw = _markdown_instance(state).convert(text)
    except RecursionError:
        _forget_parser()
        # The caps should make this unreachable; plain text is the safe fallback.
        state.plain.append(text)
        raw = f"<p>{state.token(0)}</p>"
    except BaseException:
        _forget_parser()
        raise
    cleaned = nh3.clean(
        raw,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in _NH3_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _Reserializer(_AttachmentIndex(attachments), state).run(cleaned), tables


def _shrink_quotes(match: re.Match[str]) -> str:
    run = match.group()
    quotes = run.count(">")
    return run if quotes <= 64 else ">" * 64 + " "


class _RenderState:
    """Per-call placeholders that carry text around Markdown and nh3.

    The placeholders are letters and digits with a random nonce, so Markdown
    and nh3 pass them through and no author can write one.
    """

    def __init__(self) -> None:
        nonce = secrets.token_hex(6)
        #: Stands for "&": html5ever is quadratic in the number of "&" in a
        #: document (200,000 of them: ~2 s). It also means character
        #: references are shown as written, like the rest of raw HTML.
        self.amp = f"bangtin{nonce}A"
        self._plain_prefix = f"bangtin{nonce}P"
        self.plain_re = re.compile(rf"{self._plain_prefix}(\d+)E")
        #: Text shown as plain text, in place of its token.
        self.plain: list[str] = []
        self._table_prefix = f"bangtin{nonce}T"
        self.table_re = re.compile(rf"{self._table_prefix}(\d+)E")
        #: The link text of each cut table, in place of its token.
        self.table_links: list[str] = []

    def table_token(self, index: int, link: str) -> str:
        self.table_links.append(link)
        return f"{self._table_prefix}{index}E"

    def token(self, index: int) -> str:
        return f"{self._plain_prefix}{index}E"

    def add_plain(self, text: str) -> str:
        self.plain.append(text)
        return self.token(len(self.plain) - 1)


# --- Markdown ---------------------------------------------------------------


#: One Markdown parser per thread: building one compiles its patterns again
#: (about half a millisecond), and one object is not safe to share between threads.
_parsers = threading.local()


def _markdown_instance(state: _RenderState) -> markdown.Markdown:
    """This thread's parser, reset, its guard working for *state*."""
    md: markdown.Markdown | None = getattr(_parsers, "md", None)
    if md is None:
        md = markdown.Markdown(
            extensions=[TableExtension(use_align_attribute=True), "sane_lists", _GuardExtension()],
            output_format="html",
        )
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        _parsers.md = md
    # Markdown's own way to take new input: references, stash and extensions start afresh.
    md.reset()
    guard = md.preprocessors["bangtin_line_guard"]
    assert isinstance(guard, _LineGuard)
    guard.state = state
    return md


def _forget_parser() -> None:
    """After a failed conversion: the next body gets a parser built afresh."""
    _parsers.md = None


class _GuardExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown API
        # After normalize_whitespace (30), which expands tabs and drops the
        # STX/ETX characters Markdown uses as placeholders.
        md.preprocessors.register(_LineGuard(md), "bangtin_line_guard", 25)
        # Before the inline pass (20).
        md.treeprocessors.register(_InlineBudget(md), "bangtin_inline_budget", 25)


def _cap_line(line: str) -> str:
    end = _CONTAINER_RE.match(line).end()  # type: ignore[union-attr]  # always matches
    if end <= MAX_CONTAINER_DEPTH:
        return line  # each opener takes at least one character: nothing to cap
    depth = 0
    kept: list[str] = []
    for token in _CONTAINER_TOKEN_RE.finditer(line, 0, end):
        piece = token.group()
        levels = len(piece) // 4 if piece[0] == " " else 1
        if depth + levels > MAX_CONTAINER_DEPTH:
            if piece[0] == " ":
                kept.append(" " * ((MAX_CONTAINER_DEPTH - depth) * 4))
            break
        depth += levels
        kept.append(piece)
    else:
        return line
    head = "".join(kept)
    rest = line[end:]
    if head and rest and not head.endswith(" "):
        head += " "
    return head + rest


class _LineGuard(Preprocessor):
    """Bound what Markdown parses: nesting, line length, document length."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        #: The body being converted now (`_markdown_instance` sets it).
        self.state = _RenderState()

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        used = 0
        for index, line in enumerate(lines):
            used += len(line) + 1
            if used > MAX_MARKDOWN_CHARS:
                for block in _plain_blocks("\n".join(lines[index:]).strip("\n")):
                    out += ["", self.state.add_plain(block)]
                break
            line = _cap_line(line)
            if len(line) > MAX_LINE_CHARS:
                end = _CONTAINER_RE.match(line).end()  # type: ignore[union-attr]
                first, *more = _plain_blocks(line[end:])
                out.append(line[:end] + self.state.add_plain(first))
                for block in more:
                    out += ["", self.state.add_plain(block)]
                continue
            out.append(line.replace("&", self.state.amp))
        return out


#: Plain text is cut into paragraphs of at most this many characters: Qt lays
#: out a paragraph as one piece, and a 1 MB one blocks the window for ~0.6 s
#: where 2,000-character paragraphs take ~25 ms.
PLAIN_BLOCK_CHARS = 2000


def _plain_blocks(text: str) -> list[str]:
    """*text* as paragraphs of at most PLAIN_BLOCK_CHARS, cut at spaces where possible."""
    blocks: list[str] = []
    for para in re.split(r"\n[ \t]*\n", text):
        while len(para) > PLAIN_BLOCK_CHARS:
            space = para.rfind(" ", PLAIN_BLOCK_CHARS // 2, PLAIN_BLOCK_CHARS)
            cut = space + 1 if space > 0 else PLAIN_BLOCK_CHARS
            blocks.append(para[:cut])
            para = para[cut:]
        if para.strip():
            blocks.append(para)
    return blocks or [""]


class _InlineBudget(Treeprocessor):
    """Keep text runs as plain text once the document's inline budget is spent."""

    def run(self, root: etree.Element) -> None:
        budget = INLINE_BUDGET
        for element in root.iter():
            for attr in ("text", "tail"):
                value = getattr(element, attr)
                if not value or isinstance(value, AtomicString):
                    continue
                cost = len(_INLINE_MARKUP_RE.findall(value))
                if cost <= budget:
                    budget -= cost
                else:
                    setattr(element, attr, AtomicString(value))


# --- Policy after nh3 --------------------------------------------------------


class _AttachmentIndex:
    """Resolves the names an author may use for an attachment to its sha256."""

    def __init__(self, attachments: Iterable[AttachmentRecord]) -> None:
        self.shas: set[str] = set()
        self._by_ref: dict[str, str] = {}
        for attachment in attachments:
            sha = attachment.sha256.lower()
            name = unicodedata.normalize("NFC", attachment.name)
            self.shas.add(sha)
            for ref in (name, f"files/{name}", sha):
                self._by_ref.setdefault(ref, sha)

    def resolve(self, url: str) -> str | None:
        """The sha256 *url* names (a name, "files/NAME", a sha or attachment:SHA)."""
        url = url.strip()
        if url.lower().startswith("attachment:"):
            sha = url[len("attachment:") :].lower()
            return sha if sha in self.shas else None
        for candidate in (url, unquote(url)):
            candidate = unicodedata.normalize("NFC", candidate)
            candidate = candidate.removeprefix("./")
            if candidate in self._by_ref:
                return self._by_ref[candidate]
        return None


def _link_target(href: str, attachments: _AttachmentIndex) -> str | None:
    sha = attachments.resolve(href)
    if sha is not None:
        return f"attachment:{sha}"
    match = _SCHEME_RE.match(href)
    if match is None:
        return None  # relative links point nowhere in an offline reader
    scheme = match.group(1).lower()
    if scheme in ("http", "https", "mailto"):
        return href
    if scheme == "notice":
        target = href[len("notice:") :]
        return f"notice:{target}" if _NOTICE_ID_RE.match(target) else None
    return None


def escape_text(text: str) -> str:
    """Escape a text node's NFC text so the whole document stays NFC.

    A text node that starts with a combining mark would otherwise compose with
    the ">" before it (">" + U+0338 is "≯") once the page is normalised.
    """
    text = unicodedata.normalize("NFC", _STRIP_RE.sub("", text))
    escaped = html.escape(text, quote=False)
    if escaped and unicodedata.combining(escaped[0]):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return escaped


def _attr(name: str, value: str) -> str:
    value = unicodedata.normalize("NFC", _STRIP_RE.sub("", value))
    return f' {name}="{html.escape(value, quote=True)}"'


class _Reserializer(HTMLParser):
    """Rebuilds nh3's output tag by tag, keeping only what our policy allows."""

    def __init__(self, attachments: _AttachmentIndex, state: _RenderState) -> None:
        super().__init__(convert_charrefs=True)
        self._attachments = attachments
        self._state = state
        self._out: list[str] = []
        self._text: list[str] = []
        # One entry per open non-void element: its name, and whether we kept it.
        self._stack: list[tuple[str, bool]] = []
        self._depth = 0

    def run(self, source: str) -> str:
        self.feed(source)
        self.close()
        self._flush()
        return "".join(self._out)

    def _flush(self) -> None:
        if not self._text:
            return
        text = self._restore("".join(self._text))
        self._text.clear()
        pieces = self._state.plain_re.split(text)
        for index, piece in enumerate(pieces):
            if index % 2 == 0:
                self._out.append(self._with_table_links(piece))
            else:
                plain = escape_text(self._state.plain[int(piece)])
                self._out.append(plain.replace("\n", "<br>\n"))

    def _with_table_links(self, text: str) -> str:
        if not self._state.table_links:
            return escape_text(text)
        out: list[str] = []
        for index, piece in enumerate(self._state.table_re.split(text)):
            if index % 2 == 0:
                out.append(escape_text(piece))
            else:
                link = escape_text(self._state.table_links[int(piece)])
                out.append(f'<a href="{TABLE_SCHEME}:{int(piece)}">{link}</a>')
        return "".join(out)

    def _restore(self, value: str) -> str:
        return value.replace(self._state.amp, "&")

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: self._restore(value) for name, value in attrs if value is not None}
        if tag == "img":
            self._image(values)
            return
        rendered = self._start_tag(tag, values)
        if tag in _VOID_TAGS:
            if rendered is not None:
                self._flush()
                self._out.append(rendered)
            return
        keep = rendered is not None and self._depth < MAX_HTML_DEPTH
        self._stack.append((tag, keep))
        if keep:
            self._flush()
            self._out.append(rendered or "")
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                break
        else:
            return
        while len(self._stack) > index:
            name, kept = self._stack.pop()
            if kept:
                self._flush()
                self._out.append(f"</{name}>")
                self._depth -= 1

    def _start_tag(self, tag: str, values: dict[str, str]) -> str | None:
        if tag not in ALLOWED_TAGS:
            return None
        parts = [f"<{tag}"]
        if tag == "a":
            target = _link_target(values.get("href", ""), self._attachments)
            if target is None:
                return None
            parts.append(_attr("href", target))
            if "title" in values:
                parts.append(_attr("title", values["title"]))
        elif tag in ("td", "th"):
            for name in ("colspan", "rowspan"):
                number = values.get(name, "").strip()
                if number.isascii() and number.isdigit() and 1 < int(number) <= MAX_CELL_SPAN:
                    parts.append(f' {name}="{int(number)}"')
            align = values.get("align", "").strip().lower()
            if align in _ALIGN_VALUES:
                parts.append(f' align="{align}"')
        elif tag == "ol":
            start = values.get("start", "").strip()
            if start.isascii() and start.isdigit() and len(start) <= 9:
                parts.append(f' start="{int(start)}"')
        return "".join(parts) + ">"

    def _image(self, values: dict[str, str]) -> None:
        sha = self._attachments.resolve(values.get("src", ""))
        if sha is None:
            # Not one of the notice's own files: no image, but keep what it said.
            self._text.append(values.get("alt", ""))
            return
        self._flush()
        parts = [f'<img src="attachment:{sha}"']
        for name in ("alt", "title"):
            if name in values:
                parts.append(_attr(name, values[name]))
        self._out.append("".join(parts) + ">")


# --- Helpers for pages built around a body -----------------------------------

_TAG_SPLIT_RE = re.compile(r"(<[^>]*>)")


def map_text_nodes(fragment: str, transform: Callable[[str], str]) -> str:
    """Apply *transform* to the unescaped text of every text node of *fragment*.

    *fragment* must be our own output (render_body or escape_text): there,
    attribute values are fully escaped, so "<" and ">" only ever delimit tags.
    *transform* returns HTML (already escaped).
    """
    pieces = _TAG_SPLIT_RE.split(fragment)
    for index in range(0, len(pieces), 2):
        if pieces[index]:
            pieces[index] = transform(html.unescape(pieces[index]))
    return "".join(pieces)
