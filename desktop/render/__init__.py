"""Markdown → sanitized HTML, and the article page built around it. No Qt.

`markdown.render_body` turns a notice's Markdown into a safe HTML fragment;
`article.article_html` builds the whole page the reader shows; `dates` gives
the portal's vi_VN forms ("Đăng ngày 27 - 03 - 2023", "05/06/2023 7:20 SA").

Import the submodule you need: the window imports `dates` on its GUI thread
before its first paint, and must not pay for Markdown and nh3 there.
"""
