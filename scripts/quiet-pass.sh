#!/usr/bin/env bash
# The lead's short quiet pass (docs/benchmarks.md, "Quiet machine, end of session 12"): an old build and this tree,
# alternated on a machine with nothing else running. Both trees must be built in Release; the 1M store must exist
# (dotnet run -c Release --project tests/TradeFlow.Benchmarks -- --filter '*ReplayToolBenchmarks*' --job dry --inProcess).
# Usage: scripts/quiet-pass.sh OLD_TREE [NEW_TREE]   (log in $TMPDIR/quiet-pass.HHMM.log)
set -u
OLD=$(realpath "${1:?usage: scripts/quiet-pass.sh OLD_TREE [NEW_TREE]}"); NEW=$(realpath "${2:-$(dirname "$0")/..}")
OUT=${TMPDIR:-/tmp}/quiet-pass.$(date +%H%M).log
exec > >(tee "$OUT") 2>&1
bench() { echo "$1/tests/TradeFlow.Benchmarks/bin/Release/net10.0/TradeFlow.Benchmarks.dll"; }
replay() { echo "$1/replay-tools/TradeFlow.Replay/bin/Release/net10.0/tradeflow-replay.dll"; }
echo "== engine $(date +%T)"
for store in Discard JournalFsync; do
  for b in $OLD $NEW $OLD $NEW; do
    echo "-- $store $b load $(cut -d' ' -f1-3 /proc/loadavg)"
    TRADEFLOW_THREAD_CPU=1 TRADEFLOW_GC_TRACE=1 TRADEFLOW_EXPECTED_TRADES=200000 dotnet "$(bench $b)" --engine-latency saturate $store 200000 5 2>&1 | grep -v "^\s*$" | tail -40
  done
done
echo "== replay 1M $(date +%T)"
D1=${TMPDIR:-/tmp}/tradeflow-bench/projections-1m
for b in $OLD $NEW $OLD $NEW; do
  echo "-- $b load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "wall %e s user %U sys %S peak %M KB" dotnet "$(replay $b)" replay --at-position 1000000 --json --data $D1 | md5sum
done
for b in $OLD $NEW; do
  echo "-- verify $b load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "wall %e s user %U sys %S peak %M KB" dotnet "$(replay $b)" verify --json --data $D1 | md5sum
  /usr/bin/time -f "wall %e s user %U sys %S peak %M KB" dotnet "$(replay $b)" verify --no-payloads --json --data $D1 | md5sum
done
echo "== fix $(date +%T)"
cd $NEW && FLOOR=1 scripts/bench-fix.sh 5 "1000 5000" "1"
TARGETS=tradeflow TRADEFLOW_DLL=$OLD/adapters/TradeFlow.Server/bin/Release/net10.0/tradeflow.dll scripts/bench-fix.sh 5 "1000 5000" "1"
TARGETS=tradeflow scripts/bench-fix.sh 5 "1000 5000" "1"
echo "== pg copy $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
export TRADEFLOW_PG="Host=127.0.0.1;Port=5432;Username=tradeflow;Password=tradeflow;Database=tradeflow"
for i in 1 2 3; do dotnet "$(bench $NEW)" --postgres-copy-cpu 300 1000 --modes inline,deferred,none 2>&1 | tail -15; done
echo "== done $(date +%T)"
