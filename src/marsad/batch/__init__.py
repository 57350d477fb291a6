"""Batch analysis on Apache Spark: ``marsad batch INPUT OUTPUT`` (PySpark is optional: ``pip install 'marsad[spark]'``).

``marsad.batch.spark`` and ``marsad.batch.cli`` are the only modules of marsad that import pyspark (and only when run);
``marsad.batch.partition`` holds the per-task work as plain functions over Arrow batches, and ``marsad.batch.load``
reads a run's output back as records (for the store) without Spark.
"""
