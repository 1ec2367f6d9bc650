"""Every public item of the installed `sepay_sdk` package has a docstring:
modules, classes, functions, and the methods and properties classes define
(what pdoc shows). Run with the venv's Python.

    python tools/docs/check_python_docs.py sepay_sdk sepay_sdk.testing ...
"""

from __future__ import annotations

import importlib
import inspect
import sys
from types import ModuleType


def public(module: ModuleType) -> list[str]:
    names = getattr(module, "__all__", None)
    return list(names) if names is not None else [n for n in vars(module) if not n.startswith("_")]


def ours(obj: object) -> bool:
    return str(getattr(obj, "__module__", "") or "").startswith("sepay_sdk")


def missing_in(module: ModuleType) -> list[str]:
    missing = [] if (module.__doc__ or "").strip() else [module.__name__]
    for name in public(module):
        obj = getattr(module, name)
        if not (inspect.isclass(obj) or callable(obj)) or not ours(obj):
            continue
        where = f"{module.__name__}.{name}"
        if not (obj.__doc__ or "").strip():
            missing.append(where)
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member, value in vars(obj).items():
                if member.startswith("_") or not (callable(value) or inspect.isdatadescriptor(value)):
                    continue
                if not (getattr(value, "__doc__", None) or "").strip():
                    missing.append(f"{where}.{member}")
    return missing


def main(modules: list[str]) -> int:
    missing: list[str] = []
    for name in modules:
        missing += missing_in(importlib.import_module(name))
    for item in sorted(set(missing)):
        print(f"no docstring: {item}", file=sys.stderr)
    print(f"{', '.join(modules)}: {len(set(missing))} public items without a docstring")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
