"""An import-linter contract for one part of an external package, such as PySide6.QtWidgets.

import-linter sees an external package only as a whole (`PySide6`), so its
own contracts cannot say "QtCore and QtGui may be used here, QtWidgets may
not". This contract reads the lines of the direct imports of the package
instead. Indirect imports stay allowed: the CLI may start the window through
`desktop.ui`, which is where widgets belong.

Loaded by `lint-imports` from pyproject.toml; .ci/run puts this folder on
PYTHONPATH.
"""

from __future__ import annotations

import re
from typing import Any

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain import helpers


class ProtectedSubmoduleContract(Contract):
    """Only `allowed_importers` (and their descendants) import `protected` directly.

    Options: `protected`, the dotted name of a part of an external package
    (`PySide6.QtWidgets`); `allowed_importers`, module expressions.
    """

    type_name = "protected_submodule"

    protected = fields.StringField()
    allowed_importers = fields.ListField(subfield=fields.ModuleExpressionField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        name = str(self.protected)
        package = name.split(".")[0]
        allowed = {
            module.name
            for module in helpers.module_expressions_to_modules(
                graph,
                self.allowed_importers,  # type: ignore[arg-type]
                as_packages=True,
            )
        }
        # "from PySide6.QtWidgets import", "import PySide6.QtWidgets", and
        # "from PySide6 import QtWidgets" all name the part on the import's line.
        part = name.split(".", 1)[1]
        pattern = re.compile(
            rf"\b{re.escape(name)}\b|\bfrom\s+{re.escape(package)}\s+import\b.*\b{re.escape(part)}\b"
        )
        illegal: list[dict[str, Any]] = []
        for importer in sorted(graph.find_modules_that_directly_import(package) - allowed):
            for detail in graph.get_import_details(importer=importer, imported=package):
                if pattern.search(detail["line_contents"]):
                    illegal.append({"importer": importer, **detail})
        return ContractCheck(kept=not illegal, metadata={"illegal": illegal})

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error(f"Direct imports of {self.protected}:", bold=False)
        output.new_line()
        for item in check.metadata["illegal"]:
            output.print_error(
                f"- {item['importer']} (l.{item['line_number']}): {item['line_contents']}",
                bold=False,
            )
        output.new_line()
