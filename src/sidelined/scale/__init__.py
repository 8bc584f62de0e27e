"""Scale: backfills on Dask to Parquet, bulk loads into the store, feed watching, and the scale benchmark.

`backfill.run_backfill` extracts many articles on a Dask cluster into Parquet
partitions with a manifest; `load.load_backfill` puts that output into a store;
`watch` polls feeds and reports what changed; `corpus` makes benchmark corpora.
"""
