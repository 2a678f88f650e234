"""Bundles: the signed zip that carries notices from a publisher to offices.

`source` reads a publisher's folder, `builder` writes and signs a bundle,
`reader` verifies and stages one, `importer` applies it to an archive.
The format is written down in docs/bundle-format.md. No Qt here.
"""
