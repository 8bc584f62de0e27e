"""Extraction speed: `python benchmarks/bench_extract.py [--seconds N]` (same as `sidelined bench extract`)."""

from __future__ import annotations

import argparse

from sidelined.benchmark import extract_speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU seconds to spend extracting")
    print(extract_speed(parser.parse_args().seconds).report())


if __name__ == "__main__":
    main()
