"""Receipts: signed proof, carried back on the same USB stick, of what an office received and did.

`manifest` is the format (docs/receipt-format.md), `builder` writes a
receipt at an office, `reader` checks one at the province with the bundle
reader's zip checks and limits, `importer` applies it in one transaction,
`ack` is the province's signed acknowledgement that lets an office stop
repeating what the province has, and `reports` checks the files an office
attaches. No Qt.
"""
