"""The archive: an office's local database of notices. No Qt here."""
