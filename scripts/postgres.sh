# Installs (if needed) and starts a local PostgreSQL 15 from Debian's packages,
# creates the tradeflow role and database, and exports TRADEFLOW_PG.
# Sourced by test.sh; safe to run again on a machine that already has it.

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ ! -d /usr/lib/postgresql/15 ]]; then
    echo "Installing PostgreSQL 15 from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main'; then
    pg_createcluster 15 main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
    pg_ctlcluster 15 main start
  fi
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tradeflow'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE ROLE tradeflow LOGIN SUPERUSER PASSWORD 'tradeflow'\""
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='tradeflow'\"" | grep -q 1 ||
    su postgres -c "createdb -O tradeflow tradeflow"
  export TRADEFLOW_PG="${TRADEFLOW_PG:-Host=127.0.0.1;Port=5432;Username=tradeflow;Password=tradeflow;Database=tradeflow}"
  echo "PostgreSQL ready: $TRADEFLOW_PG"
}
