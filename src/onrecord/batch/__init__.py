"""`onrecord batch`: analysis of corpora on a Dask cluster into Parquet datasets (job.py), in the
layout that dataset.py defines and `onrecord ingest DIR` loads."""
