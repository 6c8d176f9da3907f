"""Executors around the engine, results in input order: forked worker processes over chunks of a batch
(`parallel`, `--jobs`) and partitions on a Dask cluster (`dask`, `--dask`; imports Dask only when used)."""
