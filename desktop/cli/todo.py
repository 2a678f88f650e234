"""`bangtin todo`: notices with a deadline that are not done yet (Việc cần làm)."""

from __future__ import annotations

import argparse

from desktop.cli.context import EXIT_OK, Context
from desktop.cli.output import print_json


def cmd_todo(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.ops.register import due_text, todo_json, todo_list
    from desktop.render.dates import short_date

    with ctx.opened() as archive:
        items = todo_list(archive, ctx.today())
    if args.json:
        print_json([todo_json(item, ctx.lang) for item in items])
        return EXIT_OK
    if not items:
        print(ctx.say("todo_empty"))
    # The stamp's column is as wide as the widest stamp, so the ids line up under it.
    stamps = [ctx.say(f"urgency_{item.urgency}") if item.urgency else "" for item in items]
    width = max(map(len, stamps), default=0)
    for item, stamp in zip(items, stamps, strict=True):
        number = f"  [{item.number}]" if item.number else ""
        urgency = f"{stamp:<{width}}  " if width else ""
        print(
            f"{short_date(item.deadline)}  {due_text(item, ctx.lang):<18}  "
            f"{urgency}{item.notice_id}  {item.title}{number}"
        )
    return EXIT_OK
