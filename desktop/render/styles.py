"""The article's stylesheet, light and dark, without Markdown or the renderer.

`STYLESHEET` is the portal look the article page embeds (desktop/render/
article.py). The window shows the same page in the system's dark mode with
`DARK_STYLESHEET` instead (`themed`): the same rules, colours for a dark
background, every text colour at a contrast of 7:1 or more against it, so
an article reads as well at night as by day. This module imports nothing
heavy: the window loads it before its first paint.
"""

from __future__ import annotations

STYLESHEET = """
body { font-family: sans-serif; color: #222222; }
h1.title { font-size: x-large; color: #0b4f8a; margin-bottom: 4px; }
p.posted, p.views { color: #666666; font-size: small; margin: 0px; }
p.withdrawn { background-color: #fde2e1; color: #a8071a; font-weight: bold;
  padding: 6px; border: 1px solid #a8071a; }
table.meta { margin-top: 8px; margin-bottom: 8px; border-collapse: collapse; }
table.meta th { background-color: #eef3f8; text-align: left; font-weight: bold; }
table.meta th, table.meta td { padding: 4px; border: 1px solid #c8d3de; }
div.body table { border-collapse: collapse; }
div.body th, div.body td { border: 1px solid #999999; padding: 3px; }
blockquote { color: #444444; margin-left: 16px; }
pre { background-color: #f4f4f4; }
span.hl { background-color: #fff176; }
h2.attachments { font-size: medium; color: #0b4f8a; }
span.urgency { color: #c00000; font-weight: bold; border: 2px solid #c00000; padding: 2px; }
span.status { font-weight: bold; padding: 2px; }
span.status-in_force { color: #1b6e20; background-color: #e3f4e4; }
span.status-not_yet { color: #8a5a00; background-color: #fff3d6; }
span.status-partly_expired { color: #a85400; background-color: #ffe9d6; }
span.status-expired { color: #a8071a; background-color: #fde2e1; }
p.banner { background-color: #fde2e1; color: #a8071a; font-weight: bold;
  padding: 6px; border: 1px solid #a8071a; }
p.banner-not_yet { background-color: #fff3d6; color: #8a5a00; border: 1px solid #8a5a00; }
h2.relations { font-size: medium; color: #0b4f8a; }
h3.relation { font-size: small; color: #333333; margin-bottom: 2px; }
span.missing { color: #999999; }
p.recipients-title { font-weight: bold; font-style: italic; margin-bottom: 0px; }
ul.recipients { margin-top: 0px; }
"""

#: The background the dark stylesheet is made for (the window's dark palette's Base).
DARK_BASE = "#1e1f22"

DARK_STYLESHEET = """
body { font-family: sans-serif; color: #e8e8e8; }
h1.title { font-size: x-large; color: #9cc8ff; margin-bottom: 4px; }
p.posted, p.views { color: #b4b4b4; font-size: small; margin: 0px; }
p.withdrawn { background-color: #4a1c1c; color: #ffc2c2; font-weight: bold;
  padding: 6px; border: 1px solid #ff8a8a; }
table.meta { margin-top: 8px; margin-bottom: 8px; border-collapse: collapse; }
table.meta th { background-color: #2b3440; text-align: left; font-weight: bold; }
table.meta th, table.meta td { padding: 4px; border: 1px solid #4d5a68; }
div.body table { border-collapse: collapse; }
div.body th, div.body td { border: 1px solid #6b6b6b; padding: 3px; }
blockquote { color: #d0d0d0; margin-left: 16px; }
pre { background-color: #2a2b2e; }
span.hl { background-color: #5c5000; color: #ffffff; }
h2.attachments { font-size: medium; color: #9cc8ff; }
span.urgency { color: #ff9a9a; font-weight: bold; border: 2px solid #ff9a9a; padding: 2px; }
span.status { font-weight: bold; padding: 2px; }
span.status-in_force { color: #b6f0b9; background-color: #1f3a22; }
span.status-not_yet { color: #ffe0a0; background-color: #3d3214; }
span.status-partly_expired { color: #ffd0a8; background-color: #40290f; }
span.status-expired { color: #ffc2c2; background-color: #4a1c1c; }
p.banner { background-color: #4a1c1c; color: #ffc2c2; font-weight: bold;
  padding: 6px; border: 1px solid #ff8a8a; }
p.banner-not_yet { background-color: #3d3214; color: #ffe0a0; border: 1px solid #ffe0a0; }
h2.relations { font-size: medium; color: #9cc8ff; }
h3.relation { font-size: small; color: #d8d8d8; margin-bottom: 2px; }
span.missing { color: #a8a8a8; }
p.recipients-title { font-weight: bold; font-style: italic; margin-bottom: 0px; }
ul.recipients { margin-top: 0px; }
"""


def themed(html: str, dark: bool) -> str:
    """*html* (an article page) with the stylesheet for a dark or a light background."""
    if not dark:
        return html
    return html.replace(f"<style>{STYLESHEET}</style>", f"<style>{DARK_STYLESHEET}</style>", 1)
