#!/usr/bin/env bash
# Make sure Java (17) is there for PySpark's local-mode tests of `marsad batch` (tests/batch/). PySpark itself comes
# from `pip install -e '.[spark]'`. Needs root for apt-get; does nothing when `java` is already on PATH.
set -euo pipefail
if ! command -v java >/dev/null 2>&1; then
  echo "ci_spark: installing openjdk-17-jre-headless" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq openjdk-17-jre-headless >&2
fi
java -version 2>&1 | head -n 1 >&2
