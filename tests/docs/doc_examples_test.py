#!/usr/bin/env python3
"""Runs the command examples of the README and docs/*.md and checks that their quoted output is still true.

Usage: doc_examples_test.py --bin DIR --source ROOT [--update] FILE.md...

An example is a fenced block without a language tag that either
  - is a transcript: `$ COMMAND` lines, each followed by the output it prints, or
  - follows a paragraph that says "Real output of `COMMAND`" (its last such mention counts).
A line "..." in the quoted output stands for any number of output lines. The examples of one file run in
order in one fresh working folder (so `delivsim report runs/x` finds what an earlier `compare` wrote), with
symbolic links to the source's scenarios/, tests/ and scripts/, delivsim from --bin first on PATH, and
stdout and stderr together. The output is compared after one substitution: the source tree's paths of the
shipped scenarios and schema read as the installed package's (/usr/share/delivsim/...), as the README
quotes `delivsim init` run from a package.

An HTML comment right before the block (invisible on the rendered page) adjusts an example:
  <!-- doc-example: skip REASON -->        not run (REASON says what checks it instead)
  <!-- doc-example: run COMMAND -->        the block (with or without a language tag) is the output of
                                           COMMAND, instead of the sentence's
  <!-- doc-example: files PATH... -->      copies these files (relative to the source) into the folder first
A block after a "Real output" sentence with no command to run is an error: run it, or skip it and say why.

After a change of the model, `--update` re-pastes every differing quoted output that leaves no lines out (an
excerpt with "..." is reported, to re-paste by hand); review the pages' diff before committing it.
"""
import argparse
import dataclasses
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ELLIPSIS = "..."
INSTALLED_SCENARIOS = "/usr/share/delivsim/scenarios"
INSTALLED_SCHEMA = "/usr/share/delivsim/scenario.schema.json"
COMMAND_TIMEOUT_S = 300  # the longest example takes about 10 s; ctest stops the whole test at 900 s


@dataclasses.dataclass
class Step:
    command: str
    expected: list  # the quoted output lines
    first: int  # 0-based line in the page of the first quoted output line


@dataclasses.dataclass
class Example:
    line: int  # 1-based line of the opening fence
    steps: list  # [Step]
    files: list  # files copied into the working folder first
    skip: str | None  # why the example is not run


def directives(comment_lines, where):
    """The doc-example directives of the HTML comments in `comment_lines` (before the block at `where`), as
    (verb, argument) pairs."""
    found = []
    for text in comment_lines:
        m = re.fullmatch(r"<!--\s*doc-example:\s*(skip|run|files)\s+(.*?)\s*-->", text.strip())
        if m:
            found.append((m.group(1), m.group(2)))
        elif "doc-example" in text:
            raise ValueError(f"{where}: malformed doc-example comment: {text.strip()}")
    return found


def transcript_steps(body, first):
    """The steps of a transcript whose lines `body` start at line `first` of the page."""
    steps = []
    for index, text in enumerate(body):
        if text.startswith("$ "):
            steps.append(Step(text[2:], [], first + index + 1))
        elif steps:
            steps[-1].expected.append(text)
    return steps


def parse_examples(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    examples = []
    paragraph = []  # the text lines of the paragraph before the next block, for "Real output of `...`"
    paragraph_ended = False
    comments = []  # the HTML comment lines just before the next block
    i = 0
    while i < len(lines):
        text = lines[i]
        fence = re.match(r"^```(\S*)\s*$", text)
        if not fence:
            if text.strip().startswith("<!--"):
                comments.append(text)
            elif text.strip():
                if paragraph_ended:
                    paragraph = []
                paragraph.append(text)
                paragraph_ended, comments = False, []
            else:
                paragraph_ended = True
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        body = lines[i + 1 : end]
        given = directives(comments, f"{path}:{i + 1}")
        files = [p for verb, arg in given if verb == "files" for p in arg.split()]
        skip = next((arg for verb, arg in given if verb == "skip"), None)
        run = next((arg for verb, arg in given if verb == "run"), None)
        sentence = " ".join(paragraph)
        mentioned = re.findall(r"Real output[^`]*?of\s+`([^`]+)`", sentence)
        steps = None
        if run is not None:  # any block, also one tagged json
            steps = [Step(run, body, i + 1)]
        elif fence.group(1) == "":
            if any(b.startswith("$ ") for b in body):
                steps = transcript_steps(body, i + 1)
            elif re.search(r"Real output", sentence) and not skip:
                if not mentioned:
                    raise ValueError(
                        f"{path}:{i + 1}: a 'Real output' block names no command: add "
                        "<!-- doc-example: run COMMAND --> or <!-- doc-example: skip REASON -->"
                    )
                steps = [Step(mentioned[-1], body, i + 1)]
            elif skip:
                steps = []
        if steps is not None:
            examples.append(Example(i + 1, steps, files, skip))
        elif given:
            raise ValueError(f"{path}:{i + 1}: a doc-example comment before a block that is not an example")
        paragraph, comments = [], []
        i = end + 1
    return examples


def matches(expected, actual):
    """Whether `actual` fits `expected`, in which a line "..." stands for any number of lines."""
    # reachable[j]: the expected lines so far can account for the first j actual lines.
    reachable = [True] + [False] * len(actual)
    for want in expected:
        if want.strip() == ELLIPSIS:
            for j in range(1, len(actual) + 1):
                reachable[j] = reachable[j] or reachable[j - 1]
            continue
        reachable = [False] + [reachable[j - 1] and actual[j - 1] == want for j in range(1, len(actual) + 1)]
    return reachable[-1]


def normalised(output, source):
    # The source as given and as resolved: the build may have been configured through a symbolic link.
    for root in {os.path.abspath(source), os.path.realpath(source)}:
        output = output.replace(os.path.join(root, "scenarios"), INSTALLED_SCENARIOS)
        output = output.replace(os.path.join(root, "docs", "scenario.schema.json"), INSTALLED_SCHEMA)
    return [line.rstrip() for line in output.rstrip("\n").split("\n")] if output else []


def run_step(command, folder, env):
    """What `command` prints on stdout and stderr together (a line saying so if it hangs)."""
    try:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=COMMAND_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return f"(doc_examples_test.py: no end after {COMMAND_TIMEOUT_S} s)"
    return done.stdout.decode("utf-8", errors="replace")


def check_file(path, source, env, update):
    """Runs the examples of the page `path`; returns how many differ from their quote (after `update`
    rewrote those it could)."""
    failures = 0
    replacements = []  # (first line, line count, new lines) of quoted outputs to rewrite
    examples = parse_examples(path)
    with tempfile.TemporaryDirectory(prefix="delivsim-doc-examples-") as folder:
        for name in ("scenarios", "tests", "scripts"):
            os.symlink(os.path.join(source, name), os.path.join(folder, name))
        for example in examples:
            where = f"{os.path.relpath(path, source)}:{example.line}"
            if example.skip:
                print(f"skip  {where}: {example.skip}")
                continue
            for file in example.files:
                shutil.copy(os.path.join(source, file), folder)
            for step in example.steps:
                expected = [line.rstrip() for line in step.expected]
                actual = normalised(run_step(step.command, folder, env), source)
                if matches(expected, actual):
                    print(f"ok    {where}: {step.command}")
                    continue
                if update and ELLIPSIS not in (line.strip() for line in expected):
                    print(f"new   {where}: {step.command}")
                    replacements.append((step.first, len(step.expected), actual))
                    continue
                failures += 1
                by_hand = " (it leaves lines out: update it by hand)" if update else ""
                print(f"FAIL  {where}: {step.command}{by_hand}")
                sys.stdout.writelines(
                    line + "\n"
                    for line in difflib.unified_diff(expected, actual, "quoted", "actual", lineterm="")
                )
    if replacements:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for first, count, new in sorted(replacements, reverse=True):  # from the end: indices stay valid
            lines[first : first + count] = new
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", required=True, help="folder holding the delivsim to run")
    parser.add_argument("--source", required=True, help="the source tree")
    parser.add_argument(
        "--update",
        action="store_true",
        help="rewrite each differing quoted output that leaves no lines out with the actual one",
    )
    parser.add_argument("files", nargs="+", help="Markdown files, relative to the source tree")
    args = parser.parse_args()
    source = os.path.abspath(args.source)
    env = dict(os.environ, PATH=os.path.realpath(args.bin) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("DELIVSIM_SCENARIOS", None)
    try:
        failures = sum(check_file(os.path.join(source, f), source, env, args.update) for f in args.files)
    except ValueError as error:  # a page's examples are marked up wrongly
        print(f"error: {error}")
        return 2
    print(f"{failures} example(s) failed" if failures else "every example's output is as quoted")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
