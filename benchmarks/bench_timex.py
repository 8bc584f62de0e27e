"""Timex benchmark (same as `sidelined bench timex`): accuracy against dateparser, articles per second.

Run: .venv/bin/python benchmarks/bench_timex.py [seconds]
"""

from __future__ import annotations

import sys

from sidelined.timex.bench import report

if __name__ == "__main__":
    print(report(seconds=float(sys.argv[1]) if len(sys.argv) > 1 else 3.0))
