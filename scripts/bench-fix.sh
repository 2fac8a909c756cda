#!/usr/bin/env bash
# End-to-end FIX benchmark on loopback. The same load generator (qf-peer load, on Debian's QuickFIX C++) offers
# NewOrderSingles at fixed rates to
#   - TradeFlow: `tradeflow serve` (Release), booking each order durably on the embedded journal and answering
#     with ExecutionReports (new + filled) only after the journal's fsync, and persisting its FIX store; and
#   - QuickFIX's example executor (prebuilt in Debian's libquickfix-doc), which fills every order and books nothing.
# and measures answered orders per second and the latency from send to the final ExecutionReport. Under each row, the
# same latencies timed from when the load generator's session really sent each order (QuickFIX's toApp) rather than
# from when its sender thread asked to: the two differ only if the load generator waited for its own session.
#
# Usage: scripts/bench-fix.sh [SECONDS] [RATES] [SESSIONS]
#   e.g. scripts/bench-fix.sh 5 "1000 5000 10000" "1 2"
# Environment: TARGETS (default "executor tradeflow"); TRADEFLOW_DLL, a tradeflow.dll to measure instead of this
# tree's Release build (for before/after runs interleaved on a noisy machine); TRADEFLOW_FIX_TRACE, passed on to
# the server (a file that gets the ack path's stage percentiles and the collections, see docs/fix.md), and
# TRADEFLOW_FIX_TRACE_SKIP_MS (default 2100: the warm-up is left out of the trace); FLOOR=1 first measures the disk's
# floor for a durable ack (fio: small appends each followed by fdatasync or fsync, on the file system the targets
# write to; installs Debian's fio if missing). COUNTS=1 (TradeFlow only) also counts, over each measured run, the
# fsync/fdatasync calls per thread of the server (perf stat on the syscall tracepoints; the journal's writer and the
# FIX store's flush thread each sync on their own thread; perf trace, which would also time them, stalled the server),
# the CPU per thread of the server (/proc/PID/task/*/stat before and after) and the load generator's CPU, and prints
# them per answer and per second under the run's row. CYCLES=1 (TradeFlow only; builds that have it) prints under
# each row the journal stage's group-commit cycles (TRADEFLOW_JOURNAL_CYCLES, see docs/fix.md): per phase — the gap
# before a batch, the batch, the write, the fsync, the publish stage's wake-up — the wall time split into the
# journal thread's on-CPU and run-queue time.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
rates="${2:-1000 5000 10000}"
session_counts="${3:-1 2}"
port=9881
# The stage trace leaves out the warm-up (2 s from its first order) unless told otherwise.
export TRADEFLOW_FIX_TRACE_SKIP_MS="${TRADEFLOW_FIX_TRACE_SKIP_MS:-2100}"

source scripts/fix-peers.sh
build_fix_peers >/dev/null
targets="${TARGETS:-executor tradeflow}"
if [[ -z ${TRADEFLOW_DLL:-} ]]; then
  dotnet build adapters/TradeFlow.Server -c Release -warnaserror -v q -nologo >/dev/null
fi
tradeflow="${TRADEFLOW_DLL:-$PWD/adapters/TradeFlow.Server/bin/Release/net10.0/tradeflow.dll}"
quickfix_dictionary="$PWD/tests/TradeFlow.Fix.Tests/TestData/FIX44.xml"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

sessions_section() { # $1 = count, $2 = key naming the other side
  for i in $(seq 1 "$1"); do printf '[SESSION]\n%s=CLIENT%s\n' "$2" "$i"; done
}

wait_for_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listening on $port; the target said:" >&2
  cat "$work"/*/serve.log >&2 2>/dev/null || true
  return 1
}

stop_target() { # $1 = pid. SIGTERM: a background job ignores SIGINT. It is not our child (started in a subshell), so poll.
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
}

start_target() { # $1 = tradeflow|executor, $2 = sessions; prints the pid
  local dir="$work/$1-$2-$RANDOM"
  mkdir -p "$dir"
  if [[ $1 == tradeflow ]]; then
    { printf '[DEFAULT]\nConnectionType=acceptor\nSocketAcceptPort=%s\nBeginString=FIX.4.4\nSenderCompID=TRADEFLOW\n' "$port"
      printf 'FileStorePath=%s/fix-store\nDataDictionary=%s/fix/FIX44-TradeFlow.xml\nStartTime=00:00:00\nEndTime=00:00:00\n' "$dir" "$PWD"
      sessions_section "$2" TargetCompID; } > "$dir/acceptor.cfg"
    dotnet "$tradeflow" serve --data "$dir/data" --fix-config "$dir/acceptor.cfg" --urls http://127.0.0.1:0 > "$dir/serve.log" 2>&1 &
  else
    { printf '[DEFAULT]\nConnectionType=acceptor\nSocketAcceptPort=%s\nBeginString=FIX.4.4\nSenderCompID=TRADEFLOW\n' "$port"
      printf 'FileStorePath=%s/store\nUseDataDictionary=Y\nDataDictionary=%s\nStartTime=00:00:00\nEndTime=00:00:00\n' "$dir" "$quickfix_dictionary"
      sessions_section "$2" TargetCompID; } > "$dir/executor.cfg"
    "$TRADEFLOW_QF_EXECUTOR" "$dir/executor.cfg" > /dev/null 2>&1 &
  fi
  echo $!
}

load() { # $1 = sessions, $2 = rate per session, $3 = count per session
  local dir="$work/load-$RANDOM"
  mkdir -p "$dir"
  { printf '[DEFAULT]\nConnectionType=initiator\nSocketConnectHost=127.0.0.1\nSocketConnectPort=%s\nHeartBtInt=30\n' "$port"
    printf 'ReconnectInterval=1\nFileStorePath=%s/store\nStartTime=00:00:00\nEndTime=00:00:00\nResetOnLogon=Y\n' "$dir"
    printf 'UseDataDictionary=Y\nDataDictionary=%s\nBeginString=FIX.4.4\nTargetCompID=TRADEFLOW\n' "$quickfix_dictionary"
    sessions_section "$1" SenderCompID; } > "$dir/load.cfg"
  ${timer[@]+"${timer[@]}"} "$TRADEFLOW_QF_PEER" load "$dir/load.cfg" "$2" "$3" || true
}

floor() { # The least one durable write can cost here: the sync call after a small append, percentiles in µs.
  command -v fio >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fio >/dev/null; }
  echo "| sync after each append | append size | p50 µs | p90 µs | p99 µs | p99.9 µs |"
  echo "|---|---:|---:|---:|---:|---:|"
  for sync in fdatasync fsync; do
    for bs in 256 4096; do
      rm -f "$work/floor"
      fio --name=floor --filename="$work/floor" --rw=write --bs=$bs --size=256m --$sync=1 --ioengine=sync \
        --number_ios=5000 --output-format=json 2>/dev/null | python3 -c '
import json, sys
p = json.load(sys.stdin)["jobs"][0]["sync"]["lat_ns"]["percentile"]
print("| %s | %s B | %s |" % (sys.argv[1], sys.argv[2], " | ".join("%.0f" % (p[k] / 1000) for k in ("50.000000", "90.000000", "99.000000", "99.900000"))))' "$sync" "$bs"
    done
  done
  rm -f "$work/floor"
  echo
}
thread_cpu() { # $1 = pid: one line per thread, "tid name ticks" (user + system, clock ticks); one process reads all
  python3 - "$1" <<'PY'
import glob, sys
for path in glob.glob("/proc/%s/task/*/stat" % sys.argv[1]):
    try:
        s = open(path).read()
    except OSError:
        continue
    f = s[s.rindex(")") + 2:].split()
    # Context switches (voluntary: the thread blocked, e.g. to wait for work; involuntary: preempted) count its wake-ups.
    switches = [0, 0]
    try:
        for l in open(path[:-4] + "status"):
            if l.startswith("voluntary_ctxt_switches"):
                switches[0] = int(l.split()[1])
            elif l.startswith("nonvoluntary_ctxt_switches"):
                switches[1] = int(l.split()[1])
    except OSError:
        pass
    print(path.split("/")[4], s[s.index("(") + 1:s.rindex(")")].replace(" ", "_"), int(f[11]) + int(f[12]), switches[0], switches[1])
PY
}

counts_start() { # $1 = the server's pid
  thread_cpu "$1" > "$work/cpu-before"
  perf stat --per-thread -x, -e syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync -p "$1" -o "$work/syncs" &
  perf_pid=$!
}

counts_end() { # $1 = the server's pid, $2 = the load generator's JSON
  thread_cpu "$1" > "$work/cpu-after"
  kill -INT "$perf_pid" 2>/dev/null || true
  wait "$perf_pid" 2>/dev/null || true
  python3 - "$work" "$2" "$(getconf CLK_TCK)" <<'PY'
import collections, json, sys
work, r, hz = sys.argv[1], json.loads(sys.argv[2] or "{}"), int(sys.argv[3])
answered, seconds = max(r.get("answered", 0), 1), max(r.get("seconds", 0), 1e-9)
def cpu(path):
    return {f[0]: (f[1], int(f[2]), int(f[3]), int(f[4])) for f in (l.split() for l in open(path) if l.strip())}
before, after = cpu(work + "/cpu-before"), cpu(work + "/cpu-after")
by_name, voluntary, involuntary = collections.Counter(), collections.Counter(), collections.Counter()
for tid, (name, t, v, nv) in after.items():
    key = name + ("#" + tid if name.startswith("fix-") else "")
    was = before.get(tid, (name, 0, 0, 0))
    by_name[key] += t - was[1]
    voluntary[key] += v - was[2]
    involuntary[key] += nv - was[3]
syncs = collections.Counter()
for line in open(work + "/syncs"):
    f = line.strip().split(",")
    if len(f) > 3 and f[1].isdigit():
        syncs[f[0] + " " + f[3].split(":")[1].replace("sys_enter_", "")] += int(f[1])
peer = sum(float(x) for x in open(work + "/peer-cpu").read().split()[-2:])
print("  answered %d in %.2f s; server CPU %.0f us/answer (%.0f %% of a core), load generator %.0f us/answer" % (answered, seconds,
    sum(by_name.values()) / hz * 1e6 / answered, sum(by_name.values()) / hz / seconds * 100, peer * 1e6 / answered))
print("  CPU us/answer by thread: " + ", ".join("%s %.1f" % (n, t / hz * 1e6 / answered) for n, t in by_name.most_common() if t > 0))
print("  context switches per answer by thread (voluntary + involuntary): " + ", ".join("%s %.2f + %.2f" % (n, voluntary[n] / answered,
    involuntary[n] / answered) for n, _ in (voluntary + involuntary).most_common(8)))
for k, n in syncs.most_common():
    if n:
        print("  syncs %s: %d, %.0f/s, %.3f per answer, %.1f answers per sync" % (k, n, n / seconds, n / answered, answered / n))
PY
}

if [[ ${FLOOR:-0} == 1 ]]; then
  floor
fi

echo "| target | sessions | offered/s | answered/s | of which rejected | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for sessions in $session_counts; do
  for rate in $rates; do
    per_session=$(( rate / sessions ))
    for target in $targets; do
      if [[ ${CYCLES:-0} == 1 && $target == tradeflow ]]; then
        export TRADEFLOW_JOURNAL_CYCLES="$work/cycles" TRADEFLOW_JOURNAL_CYCLES_SKIP_MS="$TRADEFLOW_FIX_TRACE_SKIP_MS"
        rm -f "$work/cycles"
      fi
      [[ -n ${TRADEFLOW_FIX_TRACE:-} ]] && rm -f "$TRADEFLOW_FIX_TRACE"
      pid=$(start_target "$target" "$sessions")
      wait_for_port
      # A warm-up run (2 s at 1,000/s per session: long enough for .NET's tiered JIT to finish promoting the hot
      # path, which a 200-order warm-up left compiling during the measured run), then the measured run on the
      # same process. Both targets get the same warm-up.
      load "$sessions" 1000 2000 > /dev/null
      if [[ ${COUNTS:-0} == 1 && $target == tradeflow ]]; then
        counts_start "$pid"
        result=$(timer=(/usr/bin/time -o "$work/peer-cpu" -f '%U %S'); load "$sessions" "$per_session" $(( per_session * seconds )))
        counts_end "$pid" "$result" > "$work/counts"
      else
        result=$(load "$sessions" "$per_session" $(( per_session * seconds )))
      fi
      stop_target "$pid"
      echo "$result" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read() or "{}")
print("| %s | %d | %d | %.0f | %d | %.0f | %.0f | %.0f | %.0f | %.0f |" % (sys.argv[1], r.get("sessions", 0), r.get("offeredPerSecond", 0),
  r.get("answeredPerSecond", 0), r.get("rejected", 0), r.get("p50us", 0), r.get("p90us", 0), r.get("p99us", 0), r.get("p999us", 0), r.get("maxus", 0)))
if "wireP50us" in r:
    print("  from the wire (the order timed from when its session sent it, not from when the sender asked): p50 %.0f, p90 %.0f, p99 %.0f us" % (
        r["wireP50us"], r["wireP90us"], r["wireP99us"]))' "$target"
      if [[ ${COUNTS:-0} == 1 && $target == tradeflow ]]; then
        cat "$work/counts"
        if [[ -n ${TRADEFLOW_FIX_TRACE:-} ]]; then
          grep -ho 'allocated in the window.*B per answer' "$TRADEFLOW_FIX_TRACE" | sed 's/^/  /' || true
          grep -h '^gc (window' "$TRADEFLOW_FIX_TRACE" | sed 's/^/  /' || true
          grep -hE '^(Decided|Engine|ReplyWake|StoreFlush|AfterDurable|Total) ' "$TRADEFLOW_FIX_TRACE" | sed 's/^/  trace (count p50 p90 p99 p99.9 max µs) /' || true
        fi
      fi
      if [[ ${CYCLES:-0} == 1 && $target == tradeflow && -f $work/cycles ]]; then
        sed 's/^/  /' "$work/cycles"
      fi
    done
  done
done
