"""Names that vulture cannot see used: frameworks call them, not our code.

Each line names an attribute as vulture's whitelists do. Add a name here only
when a framework calls it; dead code is deleted, not listed.
"""

# ruff: noqa: B018
from vulture.whitelist_utils import Whitelist

framework = Whitelist()

# Qt calls these overrides of its virtual methods.
framework.columnCount
framework.rowCount
framework.data
framework.headerData
framework.flags
framework.setData
framework.index
framework.parent
framework.hasChildren
framework.canFetchMore
framework.fetchMore
framework.roleNames
framework.event
framework.eventFilter
framework.changeEvent
framework.closeEvent
framework.showEvent
framework.hideEvent
framework.resizeEvent
framework.paintEvent
framework.keyPressEvent
framework.mousePressEvent
framework.mouseReleaseEvent
framework.mouseDoubleClickEvent
framework.contextMenuEvent
framework.dragEnterEvent
framework.dragMoveEvent
framework.dropEvent
framework.sizeHint
framework.minimumSizeHint
framework.paint
framework.createEditor
framework.setEditorData
framework.setModelData
framework.run

# SQLAlchemy's TypeDecorator and the sqlite3 connection's settings.
framework.impl
framework.cache_ok
framework.process_bind_param
framework.process_result_value
framework.load_dialect_impl
framework.isolation_level
# SQLAlchemy's compiler extension: a construct's cache flag, and the function
# @compiles registers for a dialect.
framework.inherit_cache
framework._behind_plus

# Alembic reads these from every migration.
framework.branch_labels
framework.depends_on

# Python-Markdown and html.parser call these.
framework.extendMarkdown
framework.handle_data
framework.handle_startendtag

# libzim's writer calls these on each item (bench/run.py).
framework.get_path
framework.get_title
framework.get_mimetype
framework.get_contentprovider
framework.get_hints

# reprlib.Repr's limits.
framework.maxlevel
framework.maxstring
framework.maxother

# zipfile and configparser read these when writing and parsing.
framework.create_system
framework.optionxform

# pytest reads these module names and hooks.
framework.pytest_plugins
framework.pytestmark
framework.pytest_configure
framework.pytest_collection_modifyitems

# A test asks for pytest-qt's `qapp` for its side effect: a QApplication exists.
framework.qapp

# The e2e network guard replaces these socket functions in each child.
framework.create_connection

# The window's action tables (desktop/ui/actions.py) name their slots as
# dotted paths; tests/gui/test_actions.py checks that every one resolves.
framework.cycle_panes
framework.print_current
framework.export_current
framework.print_selection
framework.export_selection
framework.print_index
framework.export_index
framework.go_back
framework.go_forward
framework.toggle_bookmark
framework.focus
framework.print_results
framework.export_results
framework.print_results_index
framework.print_register
framework.export_register
framework.mark_todo_done
framework.show_dialog
framework.mark_unread
framework.show_shortcuts
framework.show_about
framework.open_office
framework.export_receipt
framework.show_tracking

# sqlite3 sets this on its exceptions; tests set it on the ones they build.
framework.sqlite_errorname

# openpyxl reads these cell, sheet and page-setup attributes when it saves
# the register's workbook (desktop/ops/register.py).
framework.alignment
framework.number_format
framework.freeze_panes
framework.print_title_rows
framework.paperSize
framework.fitToWidth
framework.fitToHeight
framework.fitToPage

# pytest calls this hook of the helpers plugin by name (tests/helpers/fixtures.py).
framework.pytest_generate_tests

# psycopg reads the listener connection's autocommit (db/notify.py); keyring
# reads a backend's priority (tests/helpers/keyrings.py).
framework.autocommit
framework.priority

# logging calls a handler's handleError when a record cannot be written
# (desktop/logfile.py).
framework.handleError
