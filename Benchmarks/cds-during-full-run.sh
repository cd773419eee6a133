#!/usr/bin/env bash
# CDS Hooks calls timed while the server re-assesses every stored case (issue #12, "never
# blocking requests"; docs/performance.md, "Requests while every case is re-assessed").
#   [BONEMET=PATH] Benchmarks/cds-during-full-run.sh [RATE=1000] [SECONDS=8] [changed|unchanged] [CASES=40000]
# A first server holds the load client's warm-up (200 patients' cases) and waits while the
# client signs its tokens (tens of seconds); it is then stopped, the stored state marked as
# assessed under an older rule set ("changed": every case's findings digest spoilt too, so every
# case is rewritten), and a second server started on the same data re-assesses every case from
# its start — the timed load begins as soon as it answers. Prints the load's figures and when
# the run ended. Listens on 127.0.0.1:18080; everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")"
rate=${1:-1000}
seconds=${2:-8}
mode=${3:-changed}
cases=${4:-40000}
# One product a build: given several --product flags, swift build builds only the last.
for product in bonemet CDSBenchmark ReassessBenchmark; do swift build -c release --product "$product" >/dev/null; done
bin=.build/release
# BONEMET=PATH: another build's server (an A/B against this one; the clients are this build's).
server_bin=${BONEMET:-$bin/bonemet}
work=$(mktemp -d)
url=http://127.0.0.1:18080
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
"$bin/ReassessBenchmark" "$cases" fill "$work" >/dev/null
"$bin/CDSBenchmark" config "$work" "$url" RS384 >/dev/null
wait_up() { for _ in $(seq 1 100); do curl -sf "$url/healthz" >/dev/null && return; sleep 0.2; done; echo "server did not start"; exit 1; }
wait_run() { for _ in $(seq 1 300); do grep -q "re-assessed stored cases" "$1" && return; sleep 1; done; }
"$server_bin" serve --port 18080 --data "$work" --cds-config "$work/cds.json" > "$work/first.log" 2>&1 &
server=$!
wait_up
GO_FILE="$work/go" "$bin/CDSBenchmark" load "$work" "$url" 32 "$seconds" 200 "$rate" > "$work/load.out" 2> "$work/load.err" &
load=$!
for _ in $(seq 1 600); do grep -q "tokens ready" "$work/load.err" && break; sleep 0.5; done
wait_run "$work/first.log"
kill $server; wait $server 2>/dev/null || true
python3 - "$work/bonemet.sqlite" "$mode" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE maintenance SET value = 'older' WHERE key LIKE 'reassessed.%'")
if sys.argv[2] == "changed":
    db.execute("UPDATE cases SET findings_digest = 'spoilt'")
db.commit()
PY
"$server_bin" serve --port 18080 --data "$work" --cds-config "$work/cds.json" > "$work/second.log" 2>&1 &
server=$!
wait_up
start=$(date +%s.%N)
touch "$work/go"
wait $load
grep "CDS patient-view" "$work/load.out"
wait_run "$work/second.log"
echo "the run ($mode, $cases cases) ended $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s after the load began"
