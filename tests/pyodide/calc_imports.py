"""Records, while the unit tests run in Pyodide, every module imported with calc's code on the
stack: calc's own imports, and those of the standard library functions it calls (a codec looked
up by name, say). tests/pyodide/run.mjs then imports each of them in a Pyodide that has only the
site's trimmed standard library. It hooks builtins.__import__, which every import statement
calls, also for a module imported before (by pytest, for instance).
"""

from __future__ import annotations

import builtins
import sys
from importlib.util import resolve_name

_recorded: set[str] = set()
_original = builtins.__import__


def _calc_on_stack(frame) -> bool:
    while frame is not None:
        name = frame.f_globals.get("__name__") or ""
        if name == "calc" or name.startswith("calc."):
            return True
        frame = frame.f_back
    return False


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    module = _original(name, globals, locals, fromlist, level)
    if _calc_on_stack(sys._getframe(1)):
        if level:
            name = resolve_name("." * level + name, (globals or {}).get("__package__") or "")
        _recorded.add(name)
        # `from package import name` may import a submodule; stdlib_trace.import_all sorts out
        # which names are modules.
        _recorded.update(f"{name}.{item}" for item in fromlist or () if item != "*")
    return module


def install() -> None:
    builtins.__import__ = _import


def recorded() -> list[str]:
    """The modules recorded so far, calc's own left out."""
    return sorted(name for name in _recorded if name.split(".")[0] != "calc")
