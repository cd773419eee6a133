#!/usr/bin/env bash
# Bulk NDJSON import: BoneMet (release build) next to Python fhir.resources on the same files,
# at two sizes to show memory stays flat, and orjson's parse alone as the floor. Figures go to
# docs/performance.md. With BONEMET_BENCH_POSTGRES_URL (a throw-away database) the import also
# runs on PostgreSQL.
#   Benchmarks/import-vs-python.sh [PATIENTS_SMALL] [PATIENTS_LARGE]
set -euo pipefail
cd "$(dirname "$0")"
small=${1:-500}
large=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! python3 -c "import fhir.resources, orjson" 2>/dev/null; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet "fhir.resources==8.*" orjson
    py="$work/venv/bin/python"
else
    py=python3
fi
swift build -c release --product ImportThroughput >/dev/null
bin=$(swift build -c release --show-bin-path)/ImportThroughput
for patients in "$small" "$large"; do
    "$bin" make "$work/export-$patients" "$patients"
    "$bin" scan "$work/export-$patients"
    "$bin" import "$work/export-$patients"
    if [ -n "${BONEMET_BENCH_POSTGRES_URL:-}" ]; then "$bin" import "$work/export-$patients" "$BONEMET_BENCH_POSTGRES_URL"; fi
    "$py" python/fhir_resources_parse.py "$work/export-$patients"
    "$py" python/fhir_resources_parse.py "$work/export-$patients" orjson
done
