"""Markdown → sanitized HTML, and the article page built around it. No Qt.

`render_body` turns a notice's Markdown into a safe HTML fragment;
`article_html` builds the whole page the reader shows; the date functions give
the portal's vi_VN forms ("Đăng ngày 27 - 03 - 2023", "05/06/2023 7:20 SA").
"""

from desktop.render.article import article_html
from desktop.render.dates import date_time, posted_line, short_date, time_only
from desktop.render.markdown import render_body

__all__ = ["article_html", "date_time", "posted_line", "render_body", "short_date", "time_only"]
