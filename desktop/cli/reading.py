"""`bangtin list | categories | show | search`: reading the archive."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.cli.context import EXIT_OK, Context, Failure
from desktop.cli.output import notice_json, print_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _category(ctx: Context, session: Session, wanted: str | None) -> str | None:
    """The one category *wanted* names (see `db.queries.matching_categories`).

    None names, or several, fail with a sentence that names the full paths.
    """
    from db import queries

    if not wanted:
        return None
    found = queries.matching_categories(session, wanted)
    if len(found) == 1:
        return found[0]
    if found:
        raise Failure(
            ctx.say("category_ambiguous", category=wanted, paths="; ".join(found)),
            "category_ambiguous",
        )
    paths = [c.path for c in queries.categories(session)]
    shown = "; ".join(paths[:MAX_NAMED]) + ("; …" if len(paths) > MAX_NAMED else "")
    raise Failure(
        ctx.say("category_unknown", category=wanted, paths=shown or "—"), "category_unknown"
    )


#: How many category paths a refusal names at most.
MAX_NAMED = 30


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from db import queries

    with ctx.reading() as session:
        category = _category(ctx, session, args.category)
        ids = queries.notice_ids(session, category, limit=args.limit)
        if args.json:
            # JSON carries every field but the body; a plain listing needs the list rows only.
            details = queries.notice_details(session, ids, body=False, as_of=ctx.today())
            print_json([notice_json(d, body=False, lang=ctx.lang) for d in details])
            return EXIT_OK
        rows = queries.summaries(session, ids)
    if not rows:
        print(ctx.say("empty_list"))
    for row in rows:
        when = row.published.strftime("%d/%m/%Y")
        number = f"  [{row.number}]" if row.number else ""
        print(f"{when}  {row.id}  {row.title}{number}")
    return EXIT_OK


def cmd_categories(ctx: Context, args: argparse.Namespace) -> int:
    from db import queries

    with ctx.reading() as session:
        found = queries.categories(session)
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
    from db import queries

    with ctx.reading() as session:
        notice = queries.get_notice(session, args.id, as_of=args.as_of or ctx.today())
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
        print()
        print(notice.body_markdown)
    return EXIT_OK


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    """Search; a better spelling is offered when the query finds nothing or very little.

    ``--json`` prints one object: ``results`` (the hits, best first),
    ``suggestion`` (the mended query, or null) and ``sort``.
    """
    from db import search

    with ctx.reading() as session:
        where = search.SearchFilter(
            category=_category(ctx, session, args.category),
            date_from=args.date_from,
            date_to=args.date_to,
            doc_type=args.type,
            sort=search.Sort(args.sort),
        )
        hits = search.search(session, args.query, where, limit=args.limit)
        suggestion = search.suggest(session, args.query, where)
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
