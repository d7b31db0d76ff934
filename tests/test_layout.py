"""The tree shows the data flow: no two modules import each other (directly or around a loop), and
no module grows past what one job needs."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "onrecord"
MAX_LINES = 420


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Modules of onrecord that `path` imports, wherever in the file (deferred imports count too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    modules = set(files)
    return {name: _imports(path, modules) for name, path in files.items()}


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ may gather its own submodules (cli registers its commands that way);
    # a submodule importing its package's __init__ back is what would make that a cycle
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_stages_flow_one_way():
    """sources and extract know nothing of the ledger, the CLI or evaluation; the ledger knows no CLI."""
    later = {"onrecord.sources": ("onrecord.extract", "onrecord.ledger", "onrecord.cli", "onrecord.evaluation"),
             "onrecord.extract": ("onrecord.sources", "onrecord.ledger", "onrecord.cli", "onrecord.evaluation"),
             "onrecord.ledger": ("onrecord.cli", "onrecord.evaluation")}
    wrong = [(m, n) for m, deps in _graph().items() for stage, banned in later.items()
             if m.startswith(stage) for n in deps if n.startswith(banned)]
    assert wrong == []


def test_modules_are_short():
    long = {str(p.relative_to(SRC)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
