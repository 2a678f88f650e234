"""`bangtin list | categories | show | search`: reading the archive."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import notice_json, print_json

if TYPE_CHECKING:
    from db.archive import Archive
    from db.records import NoticeDetail


def _category(ctx: Context, archive: Archive, wanted: str | None) -> str | None:
    """The one category *wanted* names; none or several fail naming the full paths."""
    from desktop.ops.lookup import UnknownCategory, category_path

    try:
        return category_path(archive, wanted)
    except UnknownCategory as exc:
        if exc.ambiguous:
            raise Failure(
                ctx.say("category_ambiguous", category=wanted, paths="; ".join(exc.paths)),
                "category_ambiguous",
            ) from exc
        paths = exc.paths
        shown = "; ".join(paths[:MAX_NAMED]) + ("; …" if len(paths) > MAX_NAMED else "")
        raise Failure(
            ctx.say("category_unknown", category=wanted, paths=shown or "—"), "category_unknown"
        ) from exc


#: How many category paths a refusal names at most.
MAX_NAMED = 30


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops import lookup

    with ctx.opened() as archive:
        category = _category(ctx, archive, args.category)
        if args.json:
            # JSON carries every field but the body; a plain listing needs the list rows only.
            details = lookup.list_details(archive, category, args.limit, ctx.today())
            print_json([notice_json(d, body=False, lang=ctx.lang) for d in details])
            return EXIT_OK
        rows = lookup.list_rows(archive, category, args.limit)
    if not rows:
        print(ctx.say("empty_list"))
    for row in rows:
        when = row.published.strftime("%d/%m/%Y")
        number = f"  [{row.number}]" if row.number else ""
        print(f"{when}  {row.id}  {row.title}{number}")
    return EXIT_OK


def cmd_categories(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops import lookup

    with ctx.opened() as archive:
        found = lookup.categories(archive)
    if args.json:
        print_json(
            [
                {
                    "path": c.path,
                    "name": c.name,
                    "parent": c.parent,
                    "position": c.position,
                    "count": c.count,
                    "unread": c.unread,
                }
                for c in found
            ]
        )
        return EXIT_OK
    for c in found:
        depth = c.path.count("/")
        print(f"{'  ' * depth}{c.name} ({c.count})")
    return EXIT_OK


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops import lookup

    with ctx.opened() as archive:
        notice = lookup.notice(archive, args.id, args.as_of or ctx.today())
    if notice is None:
        raise Failure(ctx.say("not_found", id=args.id), "not_found")
    if args.json:
        print_json(notice_json(notice, lang=ctx.lang))
    elif args.html:
        from desktop.render.article import article_html

        sys.stdout.write(article_html(notice, lang=ctx.lang))
    else:
        print(notice.title)
        print(notice.published.strftime("%d/%m/%Y %H:%M"))
        if notice.number:
            print(notice.number)
        _print_marks(ctx, notice)
        print()
        print(notice.body_markdown)
    return EXIT_OK


def _print_marks(ctx: Context, notice: NoticeDetail) -> None:
    """What the article shows above the text: the urgency, "đã thu hồi", whether it is in
    force and, for a replaced or repealed one, by what: a clerk must not act on it unawares."""
    from desktop.messages import text
    from desktop.render.office import banner
    from desktop.render.statuswords import status_label, urgency_label

    if notice.urgency:
        print(urgency_label(notice.urgency, ctx.lang))
    if notice.withdrawn:
        print(text("label_withdrawn", ctx.lang))
    if notice.validity is not None:
        print(f"{text('label_status', ctx.lang)}: {status_label(notice.validity.status, ctx.lang)}")
    found = banner(notice, ctx.lang)
    if found is not None:
        print(found.sentence)


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    """Search; a better spelling is offered when the query finds nothing or very little.

    ``--json`` prints one object: ``results`` (the hits, best first),
    ``suggestion`` (the mended query, or null) and ``sort``.
    """
    from db import search
    from desktop.ops import lookup

    with ctx.opened() as archive:
        where = search.SearchFilter(
            category=_category(ctx, archive, args.category),
            date_from=args.date_from,
            date_to=args.date_to,
            doc_type=args.type,
            sort=search.Sort(args.sort),
        )
        found = lookup.find(archive, args.query, where, args.limit)
    hits, suggestion = found.hits, found.suggestion
    rows = [
        {
            "id": h.id,
            "title": h.title,
            "published": h.published.isoformat(),
            "number": h.number,
            "snippet": h.snippet,
            "score": h.score,
        }
        for h in hits
    ]
    if args.json:
        print_json({"results": rows, "suggestion": suggestion, "sort": args.sort})
        return EXIT_OK
    if suggestion:
        print(ctx.say("did_you_mean", query=suggestion))
    if not rows:
        print(ctx.say("empty_list"))
    for h in hits:
        number = f"  [{h.number}]" if h.number else ""
        print(f"{h.published.strftime('%d/%m/%Y')}  {h.id}  {h.title}{number}")
        print(f"    {h.snippet}")
    return EXIT_OK
