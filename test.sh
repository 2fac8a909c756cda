#!/usr/bin/env bash
# The whole test suite, on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs and starts what the suite needs (PostgreSQL 15 from Debian), exports
# its connection string as TRADEFLOW_PG, then runs every test project in the
# solution. Later issues add to this script, never around it.
set -euo pipefail
cd "$(dirname "$0")"

source scripts/postgres.sh
start_postgres
source scripts/fix-peers.sh
build_fix_peers
source scripts/chromium.sh
install_chromium

results=$(mktemp -d)
status=0
dotnet build TradeFlow.sln -c Release -warnaserror 2>&1 | tail -3
dotnet test TradeFlow.sln -c Release --no-build \
  --logger "console;verbosity=minimal" \
  --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 5m 2>&1 | tee "$results/console.log" || status=$?

# One plain closing line over every project: "N passed, N failed, N skipped".
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  failed  += $(i+1)
         if ($i == "Passed:")  passed  += $(i+1)
         if ($i == "Skipped:") skipped += $(i+1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' \
  <(sed 's/,/ /g' "$results/console.log")
exit $status
