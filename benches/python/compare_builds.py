"""Two builds of the sepay-sdk wheel side by side (size and speed), for choosing
how the release wheels are compiled: each wheel goes into its own venv, and the
venvs take turns (A B A B ...) timing the same calls against one pre-rendered
sandbox, in fresh processes, so machine noise falls on both alike.

    python benches/python/compare_builds.py WHEEL_A WHEEL_B   (SEPAY_SANDBOX_BIN set)

benches/python/compare-builds.sh builds the two wheels (release and dist profiles).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

TOKEN = "BENCH_TOKEN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
ROUNDS = 8

# Run in the venv: prints one line of milliseconds per measure.
CHILD = """
import sys, time
from decimal import Decimal
import sepay_sdk
c = sepay_sdk.Client(sys.argv[2], base_url=sys.argv[1], requests_per_second=0)
def timed(fn, runs=5, warmup=2):
    for _ in range(warmup): fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter(); fn(); out.append((time.perf_counter() - t0) * 1000)
    return min(out)
page = lambda: c.v1.transactions.list(limit=5000)
page_sum = lambda: sum((t.amount_in for t in page()), Decimal(0))
get = lambda: c.v1.transactions.get("1234")
print(timed(page), timed(page_sum), timed(get, runs=50))
"""
MEASURES = ["v1 page of 5,000", "page + exact sum", "small GET"]


def venv_with(wheel: Path, root: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
    python = root / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    return python


def native_size(wheel: Path) -> int:
    with zipfile.ZipFile(wheel) as z:
        return next(i.file_size for i in z.infolist() if "_native" in i.filename and i.filename.endswith(".so"))


def main(a: Path, b: Path) -> None:
    sandbox = subprocess.Popen(
        [os.environ["SEPAY_SANDBOX_BIN"], "--addr", "127.0.0.1:0", "--token", TOKEN,
         "--transactions", "20000", "--rate-limit", "0", "--prerender"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        assert sandbox.stdout is not None
        url = sandbox.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as tmp:
            pythons = {w: venv_with(w, Path(tmp) / f"venv{i}") for i, w in enumerate((a, b))}
            samples: dict[Path, list[list[float]]] = {a: [], b: []}
            for _ in range(ROUNDS):
                for wheel, python in pythons.items():
                    out = subprocess.run([str(python), "-c", CHILD, url, TOKEN], check=True,
                                         capture_output=True, text=True).stdout
                    samples[wheel].append([float(x) for x in out.split()])
    finally:
        sandbox.kill()
    print(f"| | {a.parent.name} | {b.parent.name} | ratio |")
    print("|---|---|---|---|")
    for label, get in (("wheel (zipped)", lambda w: w.stat().st_size), ("native module", native_size)):
        print(f"| {label}, bytes | {get(a):,} | {get(b):,} | {get(b) / get(a):.2f} |")
    for i, name in enumerate(MEASURES):
        ma = statistics.median(s[i] for s in samples[a])
        mb = statistics.median(s[i] for s in samples[b])
        print(f"| {name}, ms (median of {ROUNDS} rounds' best) | {ma:.2f} | {mb:.2f} | {mb / ma:.2f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
