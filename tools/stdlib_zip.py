"""Runs inside Pyodide (tools/stdlib_build.mjs): writes the trimmed standard library zip.

Only the files the trace found (tools/stdlib_trace.py), each without comments and docstrings:
that halves what a visitor downloads, and changes nothing else. The code keeps its line numbers
(tracebacks still point at the right line), and every file is checked: its syntax tree must be
the original's minus the docstrings, which is what `python -OO` runs too (`__doc__` is None).
It runs in Pyodide because only Pyodide's own Python (3.14) surely parses its standard library.
The zip is deterministic (sorted entries, fixed timestamps, Pyodide's own zlib), so the same
files give the same bytes, and so the same content-hashed path, on every machine.
"""

from __future__ import annotations

import ast
import io
import tokenize
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold


def _docstrings(tree: ast.AST):
    """(statement, body) of every docstring: a string literal first in a module, class or def."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                yield first, node.body


def _without_docstrings(tree: ast.AST) -> ast.AST:
    """The tree as `python -OO` compiles it: docstrings gone, an emptied body gets `pass`."""
    for statement, body in list(_docstrings(tree)):
        body.remove(statement)
        if not body:
            body.append(ast.Pass())
    return tree


def _shape(tree: ast.AST) -> str:
    return ast.dump(tree, annotate_fields=False, include_attributes=False)


def minify(source: str) -> str:
    """`source` without comments and docstrings, each line where it was."""
    lines = source.splitlines(keepends=True)
    # Docstrings that have their lines to themselves become blank lines (or `pass`).
    for statement, body in _docstrings(ast.parse(source)):
        start, end = statement.lineno - 1, statement.end_lineno - 1
        # ast's columns count UTF-8 bytes.
        before = lines[start].encode("utf-8")[: statement.col_offset].decode("utf-8")
        after = lines[end].encode("utf-8")[statement.end_col_offset :].decode("utf-8")
        if before.strip() or after.strip():
            continue  # shares a line with other code: left as it is
        for i in range(start, end + 1):
            lines[i] = "\n"
        if len(body) == 1:
            lines[start] = before + "pass\n"
    text = "".join(lines)
    # Comments, except a first or second line that may declare the file's encoding.
    lines = text.splitlines(keepends=True)
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        row, col = token.start
        if token.type == tokenize.COMMENT and row > 2:
            lines[row - 1] = lines[row - 1][:col].rstrip() + "\n"
    return "".join(lines)


def checked_minify(name: str, source: str) -> str:
    small = minify(source)
    # Docstrings that share a line with code stay; without all docstrings both must be equal.
    if _shape(_without_docstrings(ast.parse(small))) != _shape(
        _without_docstrings(ast.parse(source))
    ):
        raise ValueError(f"{name}: minifying changed more than comments and docstrings")
    return small


def write(files: list[str], source_zip: str, target: str) -> None:
    """The trimmed zip at `target`: `files` (paths inside `source_zip`), minified, sorted."""
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(target, "w") as out:
        for name in sorted(set(files)):
            data = source.read(name)
            if name.endswith(".py"):
                data = checked_minify(name, data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data, compresslevel=9)
