"""Every example command in the README and in `--help` runs, in a fresh directory holding only the
bundled `examples/`, and exits as the text promises. A README code block shows a command as
`$ onrecord …` and its output below it; each output line shown must appear in what the command
prints (numbers that vary from run to run, such as articles/s, are masked). Blocks run in README
order and share their directory, as a reader following the walkthrough would."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# Commands that cannot run in a test, with the reason; every other example must.
NOT_RUN = {
    "onrecord serve": "starts a server that runs until Ctrl-C (tests/web cover it)",
    "--scheduler tcp://": "needs a Dask scheduler on another machine",
    "--polnear ../shared/eval/polnear/dev": "minutes of analysis (benchmarks run it)",
    "curl ": "talks to a running server",
}
VARYING = [re.compile(p) for p in (
    r"\d[\d,.]* articles/s", r"\d[\d,.]* s\b", r"in \d[\d,.]* ?s", r"\d[\d.]* MB",
    r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?",  # when a resolution or correction was recorded
)]
DATED_BY_THE_RUN = ("onrecord corrections",)  # their "when" column is the day the walkthrough ran
DAY = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def _mask(line: str, command: str = "") -> str:
    for p in VARYING:
        line = p.sub("…", line)
    if command.startswith(DATED_BY_THE_RUN):
        line = DAY.sub("…", line)
    return " ".join(line.split())


def readme_blocks() -> list[list[tuple[str, list[str]]]]:
    """Each fenced block as (command, the output lines shown under it), for blocks with `$ `."""
    blocks, current, inside = [], None, False
    for raw in README.read_text(encoding="utf-8").splitlines():
        if raw.startswith("```"):
            if inside and current:
                blocks.append(current)
            inside, current = not inside, []
            continue
        if not inside:
            continue
        if raw.startswith("$ "):
            current.append([raw[2:].split("  #")[0].strip(), []])
        elif current and current[-1][0].endswith("\\"):
            current[-1][0] = current[-1][0][:-1] + " " + raw.strip()
        elif current:
            current[-1][1].append(raw)
    return [[(c, out) for c, out in b] for b in blocks]


def help_examples() -> list[str]:
    """The `Examples:` lines of the main help and of every command's help."""
    from onrecord.cli.app import app
    import typer.main
    group = typer.main.get_command(app)
    found = []
    for name, command in sorted(group.commands.items()):
        text = command.help or ""
        for sub in getattr(command, "commands", {}).values():
            text += "\n" + (sub.help or "")
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.strip() == "Examples:":
                for ex in lines[i + 1:]:
                    if not ex.strip().startswith("onrecord "):
                        break
                    found.append(ex.strip())
    return found


def _skip_reason(command: str) -> str | None:
    for marker, reason in NOT_RUN.items():
        if marker in command:
            return reason
    if "../shared" in command and not (ROOT.parent / "shared").is_dir():
        return "needs ../shared beside the checkout"
    return None


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A directory like a fresh checkout's root: the bundled examples, plus the small inputs the
    help's examples name (a feed, a WARC), written here so those commands run too."""
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", d / "examples")
    if (ROOT.parent / "shared").is_dir():
        (d.parent / "shared").mkdir(exist_ok=True)
        for sub in ("samples", "eval"):
            link = d.parent / "shared" / sub
            if not link.exists():
                link.symlink_to(ROOT.parent / "shared" / sub)
    _write_inputs(d)
    return d


def _write_inputs(d: Path) -> None:
    from tests.batch.test_job import page, write_warc  # the batch tests' CC-NEWS-like pages
    write_warc(d / "CC-NEWS-20240301.warc.gz", 3)
    body = page(7).decode().split("<article>")[1].split("</article>")[0]
    (d / "feed.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Example</title>"
        "<item><title>The plan</title><link>https://news.example.org/feed/7</link>"
        "<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[{body}]]></description></item></channel></rss>", encoding="utf-8")


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    onrecord = f"{shlex.quote(sys.executable)} -m onrecord"
    line = re.sub(r"(^|[;&|(]\s*|\$\()onrecord ", lambda m: m.group(1) + onrecord + " ", command)
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb",
           "ONRECORD_PASSWORD": "a password for the walkthrough"}
    env.pop("ONRECORD_DB", None)
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL)


def test_readme_examples_run_and_print_what_the_readme_shows(workdir):
    ran = 0
    for block in readme_blocks():
        for command, shown in block:
            if _skip_reason(command):
                continue
            r = _run(command, workdir)
            assert r.returncode == 0, f"{command!r} exited {r.returncode}: {r.stderr[-800:]}"
            printed = {_mask(x, command) for x in (r.stdout + r.stderr).splitlines()}
            for line in shown:
                if line.strip() and not line.lstrip().startswith(("…", "#")):
                    assert _mask(line, command) in printed, f"{command!r} did not print {line!r}"
            ran += 1
    assert ran >= 5


def test_help_examples_run(workdir):
    examples = help_examples()
    assert len(examples) >= 8
    for command in examples:
        if _skip_reason(command):
            continue
        r = _run(command, workdir)
        assert r.returncode == 0, f"{command!r} exited {r.returncode}: {r.stderr[-800:]}"


def refresh(readme: Path = README) -> None:
    """Rewrite the output under every README command with what it prints now (run from the
    repository root: `python tests/test_examples.py --refresh`), then read the diff."""
    import tempfile
    lines = readme.read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "checkout"
        d.mkdir()
        shutil.copytree(ROOT / "examples", d / "examples")
        _write_inputs(d)
        out, inside, i = [], False, 0
        while i < len(lines):
            raw = lines[i]
            out.append(raw)
            i += 1
            if raw.startswith("```"):
                inside = not inside
                continue
            if not (inside and raw.startswith("$ ")):
                continue
            command = raw[2:].split("  #")[0].strip()
            while command.endswith("\\"):
                out.append(lines[i])
                command = command[:-1] + " " + lines[i].strip()
                i += 1
            while i < len(lines) and not lines[i].startswith(("$ ", "```")):
                i += 1  # the old output
            if _skip_reason(command):
                continue
            r = _run(command, d)
            out.extend(x.rstrip() for x in (r.stdout + r.stderr).splitlines())
    readme.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:] == ["--refresh"]:
        refresh()
