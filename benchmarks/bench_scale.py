"""Scale benchmark: `python benchmarks/bench_scale.py [--articles N]` (same as `sidelined bench-scale`).

Generates a corpus, then reports the single-process extract rate, the Dask
backfill rate with 1 and 2 local workers and their ratio, the load rate into
SQLite and a throwaway PostgreSQL, peak memory per worker, and what a
100-million-article backfill would need.  With --load-only DIR (the backfill/
folder of a --workdir) only the loads of that output are timed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sidelined.scale.bench import run_load_benchmark, run_scale_benchmark


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=4000, help="size of the generated corpus")
    parser.add_argument("--extract-sample", type=int, default=400, help="articles timed in one process")
    parser.add_argument("--workdir", type=Path, default=None, help="keep corpus and outputs in this folder")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL load")
    parser.add_argument("--repeat", type=int, default=2,
                        help="backfill runs per worker count and loads per engine (best kept)")
    parser.add_argument("--load-only", type=Path, default=None, metavar="DIR",
                        help="only time loading this existing backfill output (--repeat times per engine)")
    options = parser.parse_args()
    if options.load_only is not None:
        print(run_load_benchmark(options.load_only, postgres=not options.no_postgres, repeat=options.repeat).report())
        return
    figures = run_scale_benchmark(articles=options.articles, extract_sample=options.extract_sample,
                                  workdir=options.workdir, postgres=not options.no_postgres,
                                  repeat=options.repeat)
    print(figures.report())


if __name__ == "__main__":
    main()
