"""tools/stdlib_zip.py: the trimmed standard library loses comments and docstrings, nothing else,
keeps its line numbers, and is the same zip every time. Runs in CPython and (as the build does)
in Pyodide, where tests/pyodide/run.mjs mounts tools/ beside the tests."""

from __future__ import annotations

import ast
import sys
import textwrap
import traceback
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import stdlib_zip

SOURCE = textwrap.dedent(
    '''\
    # -*- coding: utf-8 -*-
    """Module docstring
    over two lines."""
    import os  # a comment after code

    URL = "http://example.org/#fragment"  # the string keeps its '#'


    class Empty:
        """Only a docstring."""


    def documented(x):
        """Doc."""
        # a comment on its own line
        return x + 1


    def same_line(): "kept: it shares its line"; return 2


    def marker():
        raise ValueError("where?")
    '''
)


def test_comments_and_docstrings_go_and_every_line_stays_where_it_was():
    small = stdlib_zip.minify(SOURCE)
    assert len(small.splitlines()) == len(SOURCE.splitlines())
    assert "docstring" not in small and "Doc." not in small and "a comment" not in small
    assert small.splitlines()[0] == "# -*- coding: utf-8 -*-"
    assert 'URL = "http://example.org/#fragment"' in small
    assert '"kept: it shares its line"' in small
    namespace = {}
    exec(compile(small, "small.py", "exec"), namespace)
    assert namespace["Empty"].__doc__ is None
    assert namespace["documented"](1) == 2 and namespace["documented"].__doc__ is None
    assert namespace["same_line"]() == 2
    with pytest.raises(ValueError) as raised:
        namespace["marker"]()
    line = SOURCE.splitlines().index('    raise ValueError("where?")') + 1
    assert traceback.extract_tb(raised.value.__traceback__)[-1].lineno == line


def test_the_check_refuses_a_change_beyond_comments_and_docstrings(monkeypatch):
    assert stdlib_zip.checked_minify("ok.py", SOURCE) == stdlib_zip.minify(SOURCE)
    monkeypatch.setattr(stdlib_zip, "minify", lambda source: source.replace("x + 1", "x + 2"))
    with pytest.raises(ValueError, match=r"bad\.py"):
        stdlib_zip.checked_minify("bad.py", SOURCE)


def stdlib_sources() -> dict[str, str]:
    """Some modules of the running Python's standard library: a folder, or in Pyodide a zip."""
    home = Path(ast.__file__).parent
    if home.is_file():
        with zipfile.ZipFile(home) as z:
            names = [
                n for n in z.namelist() if "/" not in n and n[0] in "abcdef" and n.endswith(".py")
            ]
            return {name: z.read(name).decode("utf-8") for name in names}
    return {path.name: path.read_text("utf-8") for path in home.glob("[a-f]*.py")}


def test_real_modules_survive_the_check():
    sources = stdlib_sources()
    assert len(sources) > 20
    sources["stdlib_zip.py"] = Path(stdlib_zip.__file__).read_text("utf-8")
    for name, source in sorted(sources.items()):
        small = stdlib_zip.checked_minify(name, source)
        assert len(small) <= len(source) and small.count("\n") == source.count("\n"), name


def test_the_zip_is_the_same_every_time_sorted_with_fixed_dates(tmp_path):
    source = tmp_path / "source.zip"
    with zipfile.ZipFile(source, "w") as z:
        z.writestr("b.py", SOURCE)
        z.writestr("a/__init__.py", '"""Package."""\n')
        z.writestr("a/data.txt", "# not Python: kept as it is\n")
    files = ["b.py", "a/data.txt", "a/__init__.py"]
    stdlib_zip.write(files, str(source), str(tmp_path / "one.zip"))
    stdlib_zip.write(list(reversed(files)), str(source), str(tmp_path / "two.zip"))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as z:
        assert z.namelist() == sorted(files)
        assert {info.date_time for info in z.infolist()} == {stdlib_zip.EPOCH}
        assert z.read("a/data.txt") == b"# not Python: kept as it is\n"
        assert z.read("b.py").decode() == stdlib_zip.minify(SOURCE)
