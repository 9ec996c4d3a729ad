#!/usr/bin/env python3
"""The hostile-input sweep of issue 12, rerunnable: about 160 bad inputs to the `levy` command line and about 100 to
the web API, each classified as

  ok              refused (or answered) as it should be: the right exit code or status, a message naming what was wrong
  crash           exit code 1, a signal, a .NET exception name or a stack trace; HTTP 500 or a dropped connection
  silently wrong  an answer where an error was due (exit 0 / HTTP 200), or the wrong exit code or status
  lost            rows missing from a batch's output, or a file overwritten or left half-written
  unclear         the right code, but a message that does not name the option, parameter or column

and summed up at the end (docs/reliability.md). It runs the built programs, not the tests:

  dotnet build src/Levy.Cli && dotnet build src/Levy.Web
  python3 tests/hostile-sweep/sweep.py [--only cli|web] [--jobs 2] [--verbose]

Needs the data in ../shared/data (or --data DIR). Writes only under a temporary folder. Exit code 0 when every case
is ok, 1 otherwise.
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAR = "8703.23.01.90,JP,40000,2025-04-20"
HEADER = "id,hts10,origin,value,entry_date"
CLASSES = ["ok", "crash", "silently wrong", "lost", "unclear"]


# ---------------------------------------------------------------------------------------------------------- the CLI

class Cli:
    def __init__(self, levy, data, work):
        self.levy, self.data, self.work = levy, data, work

    def path(self, name):
        return os.path.join(self.work, name)

    def write(self, name, content):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def run(self, args, stdin=None, env_data=True, timeout=300):
        env = dict(os.environ)
        env.pop("LEVY_DATA", None)
        if env_data:
            env["LEVY_DATA"] = self.data
        p = subprocess.run([self.levy] + args, input=stdin, capture_output=True, timeout=timeout, env=env, cwd=self.work)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def crashed(code, out, err):
    text = out + err
    return code == 1 or code < 0 or (code >= 128 and code != 130) or "Exception" in text or "   at " in text


def csv_rows(text):
    """Data rows of a batch's CSV output (quoted line breaks respected): (id, status, field, reason) per row."""
    import csv
    import io
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:] if r]


def jsonl_ids(text):
    """The ids of a JSON Lines output, one per line."""
    return [json.loads(line).get("id") for line in text.splitlines() if line.strip()]


def cli_case(name, args, codes, mentions=None, stdin=None, env_data=True, check=None, setup=None):
    """A case: run `levy args`; `codes` are the acceptable exit codes; `mentions` strings the message must contain."""
    return {"name": name, "args": args, "codes": set(codes), "mentions": mentions or [], "stdin": stdin, "env_data": env_data,
            "check": check, "setup": setup}


def judge_cli(cli, case):
    try:
        return judge_cli_case(cli, case)
    except Exception as e:  # a bug of the sweep itself, reported rather than ending the run
        return "unclear", f"the sweep could not run this case: {e!r}"


def judge_cli_case(cli, case):
    if case["setup"]:
        case["setup"](cli)
    args = [a(cli) if callable(a) else a for a in case["args"]]
    try:
        code, out, err = cli.run(args, stdin=case["stdin"], env_data=case["env_data"])
    except subprocess.TimeoutExpired:
        return "crash", "timed out"
    if crashed(code, out, err):
        return "crash", f"exit {code}: {(err or out).strip()[:200]}"
    if case["check"]:
        verdict = case["check"](cli, code, out, err)
        if verdict:
            return verdict
    if code not in case["codes"]:
        return "silently wrong", f"exit {code}, expected {sorted(case['codes'])}: {err.strip()[:200]}"
    for m in case["mentions"]:
        if m not in err and m not in out:
            return "unclear", f"message does not mention {m!r}: {err.strip()[:200]}"
    return "ok", f"exit {code}"


def rows_check(expected_ids, file_output=None):
    """A batch must answer every row, in order, with its id."""
    def check(cli, code, out, err):
        text = out if file_output is None else open(cli.path(file_output), encoding="utf-8", errors="replace").read()
        ids = [r.get("id") for r in csv_rows(text)]
        if ids != expected_ids:
            return "lost", f"ids out {ids[:8]}… ({len(ids)}) != in {expected_ids[:8]}… ({len(expected_ids)})"
        return None
    return check


def unchanged(name, content):
    def check(cli, code, out, err):
        if open(cli.path(name), "rb").read() != content.encode():
            return "lost", f"{name} was overwritten"
        leftovers = [f for f in os.listdir(cli.work) if ".partial" in f and f.startswith(".")]
        if leftovers:
            return "lost", f"temporary files left: {leftovers}"
        return None
    return check


def batch(cli, name, rows, raw=None):
    return cli.write(name, raw if raw is not None else HEADER + "\n" + "".join(r + "\n" for r in rows))


def cli_cases():
    cases = []
    rate = ["rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20"]
    duty = ["duty", "8703.23.01.90", "--origin", "JP", "--value", "40000", "--date", "2025-04-20"]

    # The cases first.
    cases += [
        cli_case("duty --value 1e25", ["duty", "8703.23.01.90", "--origin", "JP", "--value", "1e25", "--date", "2025-04-20"], [2], ["--value", "1e25"]),
        cli_case("rate --value abc", rate + ["--value", "abc"], [2], ["--value", "abc"]),
        cli_case("rate --quantity 1e400kg", rate + ["--quantity", "1e400kg"], [2], ["--quantity", "1e400kg"]),
        cli_case("rate --quantity 10kg --quantity 20kg", rate + ["--quantity", "10kg", "--quantity", "20kg"], [2], ["--quantity"]),
        cli_case("rate --origin EU", ["rate", "8703.23.01.90", "--origin", "EU", "--date", "2025-04-20"], [2], ["group", "DE"]),
        cli_case("rate --json error", ["rate", "8703.23.01.90", "--origin", "XX", "--date", "2025-04-20", "--json"], [2], ["XX"],
                 check=lambda c, code, out, err: None if json.loads(out).get("exitCode") == 2 else ("unclear", "no JSON problem on stdout")),
        cli_case("search \"\"", ["search", ""], [2], ["words"]),
        cli_case("history unknown code", ["history", "0101.99.99.99", "--origin", "JP"], [3], ["0101.99.99.99"]),
        cli_case("duty --file with a code", ["duty", "8703.23.01.90", "--file", lambda c: batch(c, "a.csv", ["a," + CAR])], [2], ["--file"]),
        cli_case("duty --file with --origin", ["duty", "--origin", "JP", "--file", lambda c: batch(c, "b.csv", ["a," + CAR])], [2], ["--origin"]),
        cli_case("duty one line --compare", duty + ["--compare"], [2], ["--compare"]),
        cli_case("duty one line --output", duty + ["--output", "x.csv"], [2], ["--output"]),
        cli_case("duty --file X --output X", ["duty", "--file", lambda c: batch(c, "same.csv", ["a," + CAR]), "--output", "same.csv"], [2],
                 ["--output"], check=unchanged("same.csv", HEADER + "\na," + CAR + "\n")),
        cli_case("refused run keeps --output", ["duty", "--file", lambda c: c.write("bad.csv", "id;hts10;origin\n"), "--output",
                                                lambda c: c.write("keep.csv", "precious\n") and "keep.csv"], [2], ["hts10"],
                 check=unchanged("keep.csv", "precious\n")),
        cli_case("unterminated quote", ["duty", "--file", lambda c: batch(c, "q.csv", ["a,\"" + CAR, "b," + CAR, "c," + CAR])], [0],
                 check=rows_check(["a", "b", "c"])),
        cli_case("line over 16 MiB", ["duty", "--file", lambda c: batch(c, "long.csv", ["a," + CAR, "b," + "x" * (17 << 20) + ",JP,1,2025-04-20", "c," + CAR])],
                 [0], check=rows_check(["a", "b", "c"])),
        cli_case("value overflow in a file", ["duty", "--file", lambda c: batch(c, "ov.csv", ["a," + CAR, "b,8703.23.01.90,JP,1e25,2025-04-20", "c," + CAR])],
                 [0], check=rows_check(["a", "b", "c"])),
        cli_case("non-UTF-8 byte in a field", ["duty", "--file", lambda c: c.write("l1.csv", (HEADER + "\ncaf").encode() + b"\xe9," + CAR.encode() + b"\n")],
                 [0], check=lambda c, code, out, err: None if "not UTF-8" in out else ("silently wrong", "U+FFFD without a word")),
        cli_case("unreadable --file", ["duty", "--file", "/proc/self/mem"], [2], ["--file", "/proc/self/mem"]),
        cli_case("--file is a folder", ["duty", "--file", "/tmp"], [2], ["folder"]),
        cli_case("--output unwritable", ["duty", "--file", lambda c: batch(c, "u.csv", ["a," + CAR]), "--output", "/proc/out.csv"], [2], ["--output"]),
        cli_case("--output in a missing folder", ["duty", "--file", lambda c: batch(c, "m.csv", ["a," + CAR]), "--output", "no/such/out.csv"], [2], ["--output"]),
        cli_case("--output is a folder", ["duty", "--file", lambda c: batch(c, "d.csv", ["a," + CAR]), "--output", "/tmp"], [2], ["--output"]),
        cli_case("chart --out unwritable", ["chart", "history", "8703.23.01.90", "--origin", "JP", "--out", "/proc/chart"], [2], ["--out"]),
    ]

    # Names are matched ignoring case, accents and punctuation: these are Japan, as a user means them.
    for v in ["Japan!", "JAPAN", "japan", "  jp  ", "5880"]:
        cases.append(cli_case(f"rate --origin {v!r} (a spelling of Japan)", ["rate", "8703.23.01.90", "--origin", v, "--date", "2025-04-20"], [0]))

    # Every value option of rate/duty/history with values that must be refused.
    bad = {
        "--value": ["abc", "-5", "1e25", "1e400", "10%", "1,23", "NaN", "∞", "1000000000000.01", "", "0x10"],
        "--steel-share": ["1.5", "-0.1", "abc", "150%", "1e400"],
        "--us-content": ["2", "x"],
        "--quantity": ["many", "kg", "1e400kg", "-5kg", "10", "1,0kg"],
        "--date": ["2025-13-01", "yesterday", "20/04/2025", "2027-01-05", "0001-01-01", "2025-04-20T00:00"],
        "--loaded": ["soon", "2025-02-30"],
        "--origin": ["XX", "EU", "", "ZZZ", "🇯🇵", "J P N"],
        "--program": ["KR", "TOOLONG", "S1", "!"],
        "--declare": ["nonsense-condition"],
        "--scenario": ["no-such-scenario"],
    }
    for option, values in bad.items():
        for v in values:
            base = list(rate)
            if option in ("--date", "--origin"):
                i = base.index(option)
                base[i + 1] = v
                args = base
            else:
                args = base + [option, v]
            expected = [3] if option == "--scenario" else [2]
            # A message names the option, or at least the value that was wrong.
            mention = [option] if option in ("--value", "--steel-share", "--us-content", "--quantity") else [v] if v else []
            cases.append(cli_case(f"rate {option} {v!r}", args, expected, mention))

    for option, v in [("--mode", "boat"), ("--entry-type", "weekly"), ("--value", "1e25"), ("--value", "-1"), ("--quantity", "1e400kg"),
                      ("--copper-share", "2"), ("--date", "nope")]:
        args = [a for a in duty]
        if option in args:
            args[args.index(option) + 1] = v
        else:
            args += [option, v]
        cases.append(cli_case(f"duty {option} {v!r}", args, [2], [option]))

    # Codes.
    for code, expected in [("abc", 2), ("8703", 2), ("8703.23.01.99", 3), ("87032301901", 2), ("0101.99.99.99", 3), ("9999.99.99.99", 2), ("", 2), ("8703..23", 2)]:
        cases.append(cli_case(f"rate code {code!r}", ["rate", code, "--origin", "JP", "--date", "2025-04-20"], [expected]))
        cases.append(cli_case(f"history code {code!r}", ["history", code, "--origin", "JP"], [expected]))

    # Batches: every row answered, whatever it holds.
    batches = {
        "empty lines": ["", "a," + CAR, "", "b," + CAR, ""],
        "unquoted 40,000": ["a,8703.23.01.90,JP,40,000,2025-04-20", "b," + CAR],
        "short rows": ["a,8703.23.01.90", "b," + CAR],
        "inch mark": ['a,8703.23.01.90,JP,12" pipe,2025-04-20', "b," + CAR],
        "quoted line break": ['a,"8703.23.01.90",JP,"40,000",2025-04-20', "b," + CAR],
        "NUL bytes": ["a,8703.23.01.90\0,JP,1,2025-04-20", "b," + CAR],
        "control chars": ["a,\x01\x02\x03,JP,1,2025-04-20", "b," + CAR],
        "huge value": ["a,8703.23.01.90,JP,79228162514264337593543950336,2025-04-20", "b," + CAR],
        "tiny value": ["a,8703.23.01.90,JP,1e-400,2025-04-20", "b," + CAR],
        "negative": ["a,8703.23.01.90,JP,(5),2025-04-20", "b," + CAR],
        "bad dates": ["a,8703.23.01.90,JP,1,2025-02-30", "b,8703.23.01.90,JP,1,2027-01-01", "c," + CAR],
        "unknown code": ["a,9999.99.99.99,JP,1,2025-04-20", "b,8703.23.01.99,JP,1,2025-04-20", "c," + CAR],
        "group origin": ["a,8703.23.01.90,EU,1,2025-04-20", "b," + CAR],
        "emoji": ["a,8703.23.01.90,🇯🇵,1,2025-04-20", "b," + CAR],
        "bidi text": ["a\u202e,8703.23.01.90,JP,1,2025-04-20", "b," + CAR],
        "CRLF endings": None,
        "lone CR endings": None,
        "many columns": ["a," + CAR + ",x" * 5000, "b," + CAR],
        "long field 900 KiB": ["a," + CAR.replace("JP", "JP" + " " * (900 << 10)), "b," + CAR],
        "quote at end of file": None,
    }
    for label, rows in batches.items():
        if label == "CRLF endings":
            raw, ids = (HEADER + "\r\na," + CAR + "\r\nb," + CAR + "\r\n"), ["a", "b"]
        elif label == "lone CR endings":
            raw, ids = (HEADER + "\ra," + CAR + "\rb," + CAR + "\r"), ["a", "b"]
        elif label == "quote at end of file":
            raw, ids = (HEADER + "\na," + CAR + "\nb,\"8703"), ["a", "b"]
        else:
            raw = HEADER + "\n" + "".join(r + "\n" for r in rows)
            ids = [r.split(",")[0] for r in rows if r]
        fname = "batch-" + label.replace(" ", "-") + ".csv"
        cases.append(cli_case(f"batch: {label}", ["duty", "--file", (lambda f, t: lambda c: c.write(f, t))(fname, raw)], [0],
                              check=rows_check([i if "\0" not in i else i for i in ids])))

    encodings = {"utf-16 with BOM": "utf-16", "utf-8 with BOM": "utf-8-sig", "latin-1": "latin-1"}
    for label, enc in encodings.items():
        raw = (HEADER + "\na," + CAR + "\nb," + CAR + "\n").encode(enc)
        cases.append(cli_case(f"batch encoding {label}", ["duty", "--file", (lambda n, r: lambda c: c.write(n, r))("enc-" + enc + ".csv", raw)], [0],
                              check=rows_check(["a", "b"])))
    cases.append(cli_case("batch utf-16 without BOM", ["duty", "--file", lambda c: c.write("u16.csv", (HEADER + "\na," + CAR + "\n").encode("utf-16-le"))],
                          [2], ["UTF-16"]))
    rnd = random.Random(12)
    for k in range(6):
        junk = bytes(rnd.randrange(256) for _ in range(3000))
        name = f"junk{k}.csv"
        cases.append(cli_case(f"batch random bytes #{k}", ["duty", "--file", (lambda n, j: lambda c: c.write(n, (HEADER + "\n").encode() + j))(name, junk)], [0]))
    cases += [
        cli_case("batch header only", ["duty", "--file", lambda c: c.write("ho.csv", HEADER + "\n")], [0], check=rows_check([])),
        cli_case("batch empty file", ["duty", "--file", lambda c: c.write("empty.csv", "")], [2], ["empty"]),
        cli_case("batch semicolons", ["duty", "--file", lambda c: c.write("semi.csv", "id;hts10;origin;value;entry_date\n1;2;3;4;5\n")], [2], ["';'"]),
        cli_case("batch header twice", ["duty", "--file", lambda c: c.write("twice.csv", "id,hts10,origin,value,entry_date,value\n")], [2], ["twice"]),
        cli_case("batch unknown declared", ["duty", "--file", lambda c: c.write("decl.csv", HEADER + ",declared_tax\n"), "--compare"], [2], ["declared_tax"]),
        cli_case("batch --compare without declared", ["duty", "--file", lambda c: batch(c, "nc.csv", ["a," + CAR]), "--compare"], [2], ["--compare"]),
        cli_case("batch --format xml", ["duty", "--file", lambda c: batch(c, "fx.csv", ["a," + CAR]), "--format", "xml"], [2], ["--format"]),
        cli_case("batch --json without --output", ["duty", "--file", lambda c: batch(c, "js.csv", ["a," + CAR]), "--json"], [2], ["--output"]),
        cli_case("batch from stdin", ["duty", "--file", "-"], [0], stdin=(HEADER + "\na," + CAR + "\nb,x,y,z,w\n").encode(), check=rows_check(["a", "b"])),
        cli_case("batch jsonl garbage", ["duty", "--file", lambda c: c.write("g.jsonl", "{\"id\":\"a\"}\nnot json\n[1]\n{\"value\":{}}\n")], [0],
                 check=lambda c, code, out, err: None if jsonl_ids(out) == ["a", "2", "3", "4"] else ("lost", f"{jsonl_ids(out)} for 4 lines")),
        cli_case("batch jsonl over 1 MiB", ["duty", "--file", lambda c: c.write("big.jsonl", "{\"id\":\"a\",\"note\":\"" + "y" * (2 << 20) + "\"}\n{\"id\":\"b\"}\n")],
                 [0], check=lambda c, code, out, err: None if jsonl_ids(out) == ["1", "b"] else ("lost", f"{jsonl_ids(out)} for 2 lines")),
        cli_case("batch --output symlink to input", ["duty", "--file", lambda c: batch(c, "src.csv", ["a," + CAR]), "--output", link_to_input],
                 [2], ["--output"]),
        cli_case("batch --file missing", ["duty", "--file", "nope.csv"], [3], ["nope.csv"]),
    ]

    # Other commands.
    cases += [
        cli_case("search --limit 0", ["search", "car", "--limit", "0"], [2], ["--limit"]),
        cli_case("search --limit abc", ["search", "car", "--limit", "abc"], [2], ["--limit"]),
        cli_case("search 500 chars", ["search", "x" * 500], [0, 3]),
        cli_case("search unicode", ["search", "voiture électrique 🚗"], [0, 3]),
        cli_case("lookup bad code", ["lookup", "87x3"], [2]),
        cli_case("lookup unknown", ["lookup", "9999.99"], [3]),
        cli_case("lookup --date and --revision", ["lookup", "8703", "--date", "2025-04-20", "--revision", "2025_rev_1"], [2], ["--revision"]),
        cli_case("lookup bad revision", ["lookup", "8703", "--revision", "2099_rev_99"], [2, 3]),
        cli_case("diff unknown revisions", ["diff", "2025_rev_1", "2030_rev_1"], [2, 3]),
        cli_case("diff garbage", ["diff", "a", "b"], [2]),
        cli_case("diff --within bad", ["diff", "2025_rev_1", "2025_rev_2", "--within", "x"], [2]),
        cli_case("panel query missing panel", ["panel", "query", "SELECT 1", "--panel", "nope.parquet"], [3, 4], ["nope.parquet"]),
        cli_case("panel query --max-rows -1", ["panel", "query", "SELECT 1", "--max-rows", "-1"], [2], ["--max-rows"]),
        cli_case("panel --panel is a folder", ["panel", "query", "SELECT 1", "--panel", "/tmp"], [2, 3, 4]),
        cli_case("etr --from after --to", ["etr", "--country", "JP", "--from", "2026-01-01", "--to", "2025-01-01"], [2], ["--to"]),
        cli_case("etr bad date", ["etr", "--country", "JP", "--from", "x"], [2], ["--from"]),
        cli_case("etr unknown country", ["etr", "--country", "XX"], [2], ["XX"]),
        cli_case("etr --weights missing", ["etr", "--country", "JP", "--weights", "nope.csv"], [2, 3, 4], ["nope.csv"]),
        cli_case("etr --weights is a folder", ["etr", "--country", "JP", "--weights", "/tmp"], [2, 3, 4]),
        cli_case("etr --daily unwritable", ["etr", "--country", "JP", "--daily", "/proc/e.csv"], [2], ["--daily"]),
        cli_case("scenario compare unknown", ["scenario", "compare", "actual", "nope", "--country", "JP"], [3], ["nope"]),
        cli_case("scenario --top 0", ["scenario", "compare", "actual", "japan-no-deal", "--country", "JP", "--top", "0"], [2], ["--top"]),
        cli_case("formula --pass-through 0", ["formula", "--pass-through", "0"], [2], ["--pass-through"]),
        cli_case("formula --elasticity abc", ["formula", "--elasticity", "abc"], [2], ["--elasticity"]),
        cli_case("formula --trade missing", ["formula", "--trade", "nope.csv"], [2, 3, 4], ["nope.csv"]),
        cli_case("history --from garbage", ["history", "8703.23.01.90", "--origin", "JP", "--from", "x"], [2], ["--from"]),
        cli_case("history --to before data", ["history", "8703.23.01.90", "--origin", "JP", "--to", "2020-01-01"], [2]),
        cli_case("unknown command", ["fly"], [2]),
        cli_case("unknown option", ["rate", "8703.23.01.90", "--origin", "JP", "--frobnicate"], [2]),
        cli_case("--data-dir missing", ["--data-dir", "/nonexistent", "rate", "8703.23.01.90", "--origin", "JP"], [4], ["/nonexistent"], env_data=False),
        cli_case("--data-dir is a file", ["--data-dir", "/etc/hostname", "rate", "8703.23.01.90", "--origin", "JP"], [4], env_data=False),
        cli_case("--data-dir empty folder", ["--data-dir", lambda c: (os.makedirs(c.path("emptydata"), exist_ok=True) or c.path("emptydata")), "rate",
                                             "8703.23.01.90", "--origin", "JP"], [4], env_data=False),
        cli_case("--rulebook missing", ["--rulebook", "/nonexistent", "rate", "8703.23.01.90", "--origin", "JP"], [2, 4]),
        cli_case("data info corrupt manifest", ["--data-dir", lambda c: corrupt_manifest(c), "data", "info"], [4], ["manifest"], env_data=False),
        cli_case("data sync corrupt policy file", ["data", "sync", "--from", lambda c: corrupt_mirror(c), "--target", "synced", "--only", "policy"], [4],
                 ["s232_copper_products.csv"], check=lambda c, code, out, err: ("lost", "corrupt file accepted")
                 if os.path.exists(c.path("synced/policy/s232_copper_products.csv")) else None),
        cli_case("data sync --from missing", ["data", "sync", "--from", "/nonexistent", "--target", "t2"], [4], ["/nonexistent"]),
        cli_case("data sync --only bogus", ["data", "sync", "--only", "bogus"], [2]),
        cli_case("data sync --base-url junk", ["data", "sync", "--base-url", "not a url", "--target", "t3"], [2], ["--base-url"]),
    ]
    return cases


def link_to_input(cli):
    link = cli.path("ln.csv")
    if not os.path.lexists(link):
        os.symlink(cli.path("src.csv"), link)
    return "ln.csv"


def corrupt_manifest(cli):
    folder = cli.path("cm")
    if not os.path.exists(folder):
        shutil.copytree(os.path.join(cli.data, "policy"), os.path.join(folder, "policy"))
        with open(os.path.join(folder, "manifest.json"), "w") as f:
            f.write("{\"formatVersion\": 1, \"files\": [")
    return folder


def corrupt_mirror(cli):
    folder = cli.path("mirror")
    if not os.path.exists(folder):
        shutil.copytree(os.path.join(cli.data, "policy"), os.path.join(folder, "policy"))
        target = os.path.join(folder, "policy", "s232_copper_products.csv")
        os.chmod(target, 0o644)
        with open(target, "w") as f:
            f.write("hts10,ch99_code\n74061000,9903.78.01\nGARBAGE!,x\n")
    return folder


def interrupt_case(cli):
    """Ctrl-C in the middle of a big batch: the output is left alone, the rows so far are in NAME.partial.csv, all
    complete, and stderr says so."""
    rows = "".join(f"r{i},{CAR}\n" for i in range(2_000_000))
    inp = cli.write("big.csv", HEADER + "\n" + rows)
    out = cli.write("out.csv", "precious\n")
    env = dict(os.environ, LEVY_DATA=cli.data)
    p = subprocess.Popen([cli.levy, "duty", "--file", inp, "--output", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cli.work)
    time.sleep(4)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    err = err.decode()
    if p.returncode != 130:
        return "lost" if p.returncode != 0 else "silently wrong", f"exit {p.returncode}: {err[:200]}"
    if open(out).read() != "precious\n":
        return "lost", "the output was replaced by a partial run"
    partial = cli.path("out.partial.csv")
    if not os.path.exists(partial) or "partial" not in err:
        return "unclear", f"no partial file named on stderr: {err[:200]}"
    data = csv_rows(open(partial).read())
    if not data or any(len(r) != len(data[0]) or r.get("status") not in ("ok", "error") for r in data):
        return "lost", "a cut row in the partial file"
    return "ok", f"{len(data)} complete rows kept in out.partial.csv"


# ---------------------------------------------------------------------------------------------------------- the API

class Web:
    def __init__(self, dll, data):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production")
        env.pop("LEVY_DATA", None)
        self.process = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{self.port}", "--data-dir", data, "--Levy:Warmup=false"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        for _ in range(120):
            try:
                self.request("GET", "/api/v1/health")
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("the web host did not start")

    def request(self, method, path, body=None, headers=None):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, dict(r.headers), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode("utf-8", "replace")

    def declare_only(self, path, length):
        """A POST that declares a body of `length` bytes and waits for the answer before sending it: a server that
        refuses an oversized body at once answers without reading it."""
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.putrequest("POST", path)
        conn.putheader("Content-Type", "text/csv")
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        r = conn.getresponse()
        result = (r.status, dict(r.getheaders()), r.read().decode("utf-8", "replace"))
        conn.close()
        return result

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def web_case(name, method, path, statuses, field=None, body=None, headers=None, check=None, raw_content_length=None):
    return {"name": name, "method": method, "path": path, "statuses": set(statuses), "field": field, "body": body,
            "headers": headers or {}, "check": check, "raw_content_length": raw_content_length}


def judge_web(web, case):
    try:
        if case["raw_content_length"]:
            status, headers, text = web.declare_only(case["path"], case["raw_content_length"])
        else:
            status, headers, text = web.request(case["method"], case["path"], case["body"], case["headers"])
    except (OSError, urllib.error.URLError) as e:
        return "crash", f"connection failed: {e}"
    if status >= 500 and 503 not in case["statuses"]:
        return "crash", f"HTTP {status}: {text[:200]}"
    if "   at " in text or "Exception" in text:
        return "crash", f"stack trace or exception in the body: {text[:200]}"
    if case["check"]:
        verdict = case["check"](status, headers, text)
        if verdict:
            return verdict
    if status not in case["statuses"]:
        return "silently wrong", f"HTTP {status}, expected {sorted(case['statuses'])}: {text[:200]}"
    if status >= 400:
        ctype = headers.get("Content-Type", "")
        if "problem+json" not in ctype:
            return "unclear", f"HTTP {status} without a problem document ({ctype})"
        if case["field"] and json.loads(text).get("field") != case["field"]:
            return "unclear", f"problem does not name {case['field']}: {text[:200]}"
    return "ok", f"HTTP {status}"


def duty_rows(ids, jsonl=False):
    def check(status, headers, text):
        got = jsonl_ids(text) if jsonl else [r.get("id") for r in csv_rows(text)]
        if status == 200 and got != ids:
            return "lost", f"ids out {got[:8]} ({len(got)}) != in {ids[:8]} ({len(ids)})"
        if "(batch)" in text:
            return "crash", "the answer ended with a (batch) failure record"
        return None
    return check


def web_cases():
    q = "/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20"
    cases = []
    for param, values in {
        "value": ["abc", "-5", "1e25", "1e400", "1000000000000.01", "NaN", "10%"],
        "steel": ["1.5", "-1", "abc"], "aluminum": ["2"], "copper": ["x"], "usContent": ["1.01"],
        "quantity": ["many", "1e400kg", "kg"], "mode": ["boat", "vessel;DROP"], "stacking": ["weird"],
        "program": ["TOOLONG", "1"], "loadingDate": ["soon"], "explain": ["maybe"], "scenario": ["nope", "x" * 300],
    }.items():
        for v in values:
            cases.append(web_case(f"quote {param}={v[:20]!r}", "GET", q + f"&{param}={urllib.request.quote(v)}", [400], param))
    cases += [
        web_case("quote quantity twice same unit", "GET", q + "&quantity=10kg&quantity=20kg", [400], "quantity"),
        web_case("quote origin EU", "GET", "/api/v1/quote?product=8703.23.01.90&origin=EU&date=2025-04-20", [400], "origin",
                 check=lambda s, h, t: None if "group" in t else ("unclear", "EU not said to be a group")),
        web_case("quote unknown origin", "GET", "/api/v1/quote?product=8703.23.01.90&origin=XX", [400], "origin"),
        web_case("quote origin 500 chars", "GET", "/api/v1/quote?product=8703.23.01.90&origin=" + "x" * 500, [400], "origin"),
        web_case("quote no product", "GET", "/api/v1/quote?origin=JP", [400], "product"),
        web_case("quote bad product", "GET", "/api/v1/quote?product=abc&origin=JP", [400], "product"),
        web_case("quote unknown product", "GET", "/api/v1/quote?product=8703.23.01.99&origin=JP&date=2025-04-20", [404], "product"),
        web_case("quote 4-digit product", "GET", "/api/v1/quote?product=8703&origin=JP&date=2025-04-20", [400], "product"),
        web_case("quote date outside data", "GET", "/api/v1/quote?product=8703.23.01.90&origin=JP&date=2030-01-01", [422], "date"),
        web_case("quote bad date", "GET", "/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-02-30", [400], "date"),
        web_case("quote program KR for JP", "GET", q + "&program=KR", [400], "program"),
        web_case("quote declare unknown", "GET", q + "&declare=nonsense", [400], "declare"),
        web_case("history unknown code", "GET", "/api/v1/history?product=0101.99.99.99&origin=JP", [404], "product"),
        web_case("history of a Chapter 99 heading", "GET", "/api/v1/history?product=9999.99.99.99&origin=JP", [400], "product"),
        web_case("history code added later", "GET", "/api/v1/history?product=0201.30.50.91&origin=AR", [200]),
        web_case("history to before from", "GET", "/api/v1/history?product=8703.23.01.90&origin=JP&from=2026-01-01&to=2025-01-01", [400], "to"),
        web_case("history from outside data", "GET", "/api/v1/history?product=8703.23.01.90&origin=JP&from=2020-01-01", [422], "from"),
        web_case("history bad origin", "GET", "/api/v1/history?product=8703.23.01.90&origin=Atlantis", [400], "origin"),
        web_case("lines bad code", "GET", "/api/v1/lines/87x3", [400], "code"),
        web_case("lines unknown code", "GET", "/api/v1/lines/9999.99", [404], "code"),
        web_case("lines date and revision", "GET", "/api/v1/lines/8703?date=2025-04-20&revision=2025_rev_1", [400], "revision"),
        web_case("lines bad revision", "GET", "/api/v1/lines/8703?revision=2099_rev_1", [400], "revision"),
        web_case("lines traversal", "GET", "/api/v1/lines/..%2F..%2Fetc%2Fpasswd", [400, 404]),
        web_case("search limit 0", "GET", "/api/v1/search?q=car&limit=0", [400], "limit"),
        web_case("search limit huge", "GET", "/api/v1/search?q=car&limit=99999", [400], "limit"),
        web_case("search limit abc", "GET", "/api/v1/search?q=car&limit=abc", [400], "limit"),
        web_case("search q 500 chars", "GET", "/api/v1/search?q=" + "x" * 500, [400], "q"),
        web_case("search statistical maybe", "GET", "/api/v1/search?q=car&statistical=maybe", [400], "statistical"),
        web_case("search empty", "GET", "/api/v1/search?q=", [200, 400]),
        web_case("countries unknown", "GET", "/api/v1/countries/Atlantis", [404], "key"),
        web_case("etr group", "GET", "/api/v1/etr?country=EU", [400], "country"),
        web_case("etr bad authority", "GET", "/api/v1/etr?country=JP&authority=nope", [400], "authority"),
        web_case("etr bad dates", "GET", "/api/v1/etr?country=JP&from=x", [400], "from"),
        web_case("compare unknown scenario", "GET", "/api/v1/scenarios/compare?country=JP&scenario=nope", [400], "scenario"),
        web_case("compare top 0", "GET", "/api/v1/scenarios/compare/aggregate?country=JP&scenario=japan-no-deal&top=0", [400], "top"),
        web_case("compare top abc", "GET", "/api/v1/scenarios/compare/aggregate?country=JP&scenario=japan-no-deal&top=abc", [400], "top"),
        web_case("compare no scenario", "GET", "/api/v1/scenarios/compare?country=JP", [400]),
        web_case("DELETE /", "DELETE", "/", [405], check=lambda s, h, t: None if h.get("Allow") else ("unclear", "no Allow header")),
        web_case("TRACE /", "TRACE", "/", [405]),
        web_case("PUT /", "PUT", "/", [405], body=b"x"),
        web_case("POST /levy.js", "POST", "/levy.js", [405], body=b"x"),
        web_case("DELETE /api/v1/quote", "DELETE", "/api/v1/quote", [405]),
        web_case("GET unknown path", "GET", "/api/v1/nope", [404]),
        web_case("GET traversal", "GET", "/..%2F..%2Fetc%2Fpasswd", [400, 404]),
        web_case("OpenAPI Host header", "GET", "/openapi/v1.json", [200], headers={"Host": "evil.example"},
                 check=lambda s, h, t: ("silently wrong", "Host echoed into servers") if "evil.example" in t else None),
    ]

    def post(name, body, ids, ctype="text/csv", statuses=(200,), field=None):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        return web_case(name, "POST", "/api/v1/duty", statuses, field, body=data, headers={"Content-Type": ctype},
                        check=duty_rows(ids, "ndjson" in ctype) if 200 in statuses else None)

    rows = lambda *r: HEADER + "\n" + "".join(x + "\n" for x in r)
    cases += [
        post("duty overflow 5e24", rows("a," + CAR, "b,8703.23.01.90,JP,5e24,2025-04-20", "c," + CAR), ["a", "b", "c"]),
        post("duty overflow 1e25", rows("a,8703.23.01.90,JP,1e25,2025-04-20", "b," + CAR), ["a", "b"]),
        post("duty overflow 9e28", rows("a,8703.23.01.90,JP,9e28,2025-04-20", "b," + CAR), ["a", "b"]),
        post("duty 1e400", rows("a,8703.23.01.90,JP,1e400,2025-04-20", "b," + CAR), ["a", "b"]),
        post("duty quantity 1e30", "id,hts10,origin,value,entry_date,quantity1\na,0402.99.90.00,AR,8000,2025-04-20,1e30\nb,0402.99.90.00,AR,8000,2025-04-20,10\n",
             ["a", "b"]),
        post("duty unterminated quote", rows("a,\"" + CAR, "b," + CAR, "c," + CAR), ["a", "b", "c"]),
        post("duty line over 1 MiB", rows("a," + CAR, "b," + "x" * (2 << 20), "c," + CAR), ["a", "b", "c"]),
        post("duty non-UTF-8", (HEADER + "\ncaf").encode() + b"\xe9," + CAR.encode() + b"\nb," + CAR.encode() + b"\n", ["caf\ufffd", "b"]),
        post("duty NUL bytes", rows("a,87\0,JP,1,2025-04-20", "b," + CAR), ["a", "b"]),
        post("duty inch mark", rows('a,8703.23.01.90,JP,12" pipe,2025-04-20', "b," + CAR), ["a", "b"]),
        post("duty entry out of order", "id,hts10,origin,value,entry_date,entry_id\na," + CAR + ",E1\nb," + CAR + ",E2\nc," + CAR + ",E1\n", ["a", "b", "c"]),
        post("duty jsonl garbage", "{\"id\":\"a\",\"hts10\":\"8703230190\"}\nnot json\n", ["a", "2"], ctype="application/x-ndjson"),
        post("duty jsonl 1e400", "{\"id\":\"a\",\"hts10\":\"8703230190\",\"origin\":\"JP\",\"value\":1e400,\"entry_date\":\"2025-04-20\"}\n", ["a"],
             ctype="application/x-ndjson"),
        post("duty wrong content type", rows("a," + CAR), [], ctype="text/plain", statuses=(415,), field="Content-Type"),
        post("duty bad header", "id;hts10\n", [], statuses=(400,)),
        post("duty empty body", "", [], statuses=(400,)),
        web_case("duty compare=maybe", "POST", "/api/v1/duty?compare=maybe", [400], "compare", body=rows("a," + CAR).encode(),
                 headers={"Content-Type": "text/csv"}),
        web_case("duty 9 MB body declared", "POST", "/api/v1/duty", [413], raw_content_length=9 << 20),
        post("duty utf-16 with BOM", (rows("a," + CAR, "b," + CAR)).encode("utf-16"), ["a", "b"]),
    ]
    rnd = random.Random(7)
    for k in range(8):
        junk = bytes(rnd.randrange(256) for _ in range(4000))
        cases.append(web_case(f"duty random bytes #{k}", "POST", "/api/v1/duty", [200], body=(HEADER + "\n").encode() + junk,
                              headers={"Content-Type": "text/csv"},
                              check=lambda s, h, t: ("crash", "(batch) record") if "(batch)" in t else None))
    return cases


def web_startup_cases(dll, data):
    """The host itself with no data or a bad setting: one line and exit 4 or 2, not a stack trace."""
    results = []
    empty = tempfile.mkdtemp(prefix="levy-sweep-empty-")
    for name, args, code in [("web: no data", ["--data-dir", empty], 4), ("web: --data-dir missing", ["--data-dir", "/nonexistent"], 2),
                             ("web: bad setting", ["--data-dir", data, "--Levy:MaxSearchResults=lots"], 2),
                             ("web: setting out of range", ["--data-dir", data, "--Levy:MaxBatchBytes=1"], 2)]:
        env = dict(os.environ)
        env.pop("LEVY_DATA", None)
        p = subprocess.run(["dotnet", dll, "--urls", "http://127.0.0.1:0", "--Levy:Warmup=false"] + args, capture_output=True, timeout=120, env=env)
        err = p.stderr.decode()
        if p.returncode == code and err.count("\n") == 1 and err.startswith("error: "):
            results.append((name, "ok", err.strip()[:150]))
        elif "   at " in err or p.returncode in (1, 134):
            results.append((name, "crash", f"exit {p.returncode}: {err.strip()[:150]}"))
        else:
            results.append((name, "unclear", f"exit {p.returncode}: {err.strip()[:150]}"))
    shutil.rmtree(empty, ignore_errors=True)
    return results


# ---------------------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--levy", default=os.path.join(ROOT, "src/Levy.Cli/bin/Debug/net10.0/levy"))
    ap.add_argument("--web", default=os.path.join(ROOT, "src/Levy.Web/bin/Debug/net10.0/Levy.Web.dll"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--only", choices=["cli", "web"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()

    results = []  # (surface, name, class, detail)
    work = tempfile.mkdtemp(prefix="levy-sweep-")
    try:
        if a.only in (None, "cli"):
            cli = Cli(a.levy, a.data, work)
            cases = cli_cases()
            with ThreadPoolExecutor(max_workers=a.jobs) as pool:
                for case, (verdict, detail) in zip(cases, pool.map(lambda c: judge_cli(cli, c), cases)):
                    results.append(("cli", case["name"], verdict, detail))
                    if a.verbose or verdict != "ok":
                        print(f"  cli [{verdict}] {case['name']}: {detail}", flush=True)
            verdict, detail = interrupt_case(cli)
            results.append(("cli", "Ctrl-C mid-batch", verdict, detail))
        if a.only in (None, "web"):
            for name, verdict, detail in web_startup_cases(a.web, a.data):
                results.append(("web", name, verdict, detail))
            web = Web(a.web, a.data)
            try:
                for case in web_cases():
                    verdict, detail = judge_web(web, case)
                    results.append(("web", case["name"], verdict, detail))
                    if a.verbose or verdict != "ok":
                        print(f"  web [{verdict}] {case['name']}: {detail}", flush=True)
            finally:
                web.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for surface in ("cli", "web"):
        mine = [r for r in results if r[0] == surface]
        if not mine:
            continue
        counts = {c: sum(1 for r in mine if r[2] == c) for c in CLASSES}
        print(f"{surface}: {len(mine)} inputs: " + ", ".join(f"{counts[c]} {c}" for c in CLASSES))
    bad = [r for r in results if r[2] != "ok"]
    total = {c: sum(1 for r in results if r[2] == c) for c in CLASSES}
    print(f"total: {len(results)} inputs; crashes {total['crash']}, silently wrong {total['silently wrong']}, lost {total['lost']}, "
          f"unclear {total['unclear']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
