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
  # Each backend keeps 4 MB of freed heap (glibc's top_pad) instead of handing it back to the kernel after every
  # statement and faulting it in again on the next: with it the backend's CPU per event in 1,000-row COPY commits
  # fell by ~20 % here (docs/postgres.md, "Server memory"). It costs at most 4 MB of RSS per connection.
  local environment=/etc/postgresql/15/main/environment
  if [[ -f $environment ]] && ! grep -q 'glibc.malloc.top_pad' "$environment"; then
    echo "GLIBC_TUNABLES = 'glibc.malloc.top_pad=4194304'" >> "$environment"
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
    pg_ctlcluster 15 main start
  elif ! tr '\0' '\n' < "/proc/$(head -1 /var/lib/postgresql/15/main/postmaster.pid)/environ" 2>/dev/null | grep -q glibc.malloc.top_pad; then
    # Not restarted here: other sessions may be using the running server.
    echo "PostgreSQL was started without GLIBC_TUNABLES from $environment: 'pg_ctlcluster 15 main restart' applies it."
  fi
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tradeflow'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE ROLE tradeflow LOGIN SUPERUSER PASSWORD 'tradeflow'\""
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='tradeflow'\"" | grep -q 1 ||
    su postgres -c "createdb -O tradeflow tradeflow"
  export TRADEFLOW_PG="${TRADEFLOW_PG:-Host=127.0.0.1;Port=5432;Username=tradeflow;Password=tradeflow;Database=tradeflow}"
  echo "PostgreSQL ready: $TRADEFLOW_PG"
}
