"""Executors around the engine: worker processes over chunks of a batch, results in input order."""
