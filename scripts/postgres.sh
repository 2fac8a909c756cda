# Installs (if needed) and starts a local PostgreSQL 15 from Debian's packages,
# creates the tradeflow role and database, and exports TRADEFLOW_PG.
# Sourced by test.sh; safe to run again on a machine that already has it.

# The server settings TradeFlow's appends are measured with (docs/postgres.md, "Server settings"): written to conf.d,
# which Debian's postgresql.conf includes last, so they override its defaults and nothing else. Durability is untouched:
# fsync, synchronous_commit and full_page_writes stay on. Returns 0 when the file was (re)written, 1 when it was current.
write_postgres_settings() {
  local file=$1
  local wanted
  wanted=$(cat <<'SETTINGS'
# Written by TradeFlow's scripts/postgres.sh; docs/postgres.md ("Server settings") gives each setting's reason and cost.
# Durability is not touched: fsync, synchronous_commit and full_page_writes keep their defaults (on).
shared_buffers = 512MB
huge_pages = try
wal_buffers = 64MB
max_wal_size = 8GB
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
SETTINGS
)
  if [[ -f $file ]] && [[ "$(cat "$file")" == "$wanted" ]]; then
    return 1
  fi
  printf '%s\n' "$wanted" > "$file"
  return 0
}

# shared_buffers in 2 MB huge pages: each backend maps the buffers itself, and with 4 kB pages it takes a page fault
# for every 4 kB of them the first time it touches it (expensive on this virtual machine: with 2 GB of 4 kB pages the
# appends cost the backend more CPU than with Debian's 128 MB). Reserves what the server needs, only when fewer are
# reserved; where the kernel refuses (a container), huge_pages = try starts without them.
reserve_huge_pages() {
  local wanted=$1 size_kb
  size_kb=$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo 2>/dev/null)
  [[ $size_kb == 2048 ]] || return 0
  if (( $(cat /proc/sys/vm/nr_hugepages) < wanted )); then
    sysctl -qw vm.nr_hugepages="$wanted" 2>/dev/null || echo "Could not reserve huge pages: PostgreSQL starts without them."
  fi
}

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
  local settings_changed=false
  write_postgres_settings /etc/postgresql/15/main/conf.d/tradeflow.conf && settings_changed=true
  # 512 MB of shared_buffers + 64 MB of WAL buffers + the rest of the server's shared memory (~40 MB) in 2 MB pages.
  reserve_huge_pages 320
  if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
    pg_ctlcluster 15 main start
  elif [[ $settings_changed == true ]]; then
    # shared_buffers and wal_buffers take effect only at server start. Restarted only when the file changed, so sourcing
    # this again on a running server (other sessions' tests) does not restart it.
    echo "PostgreSQL settings in /etc/postgresql/15/main/conf.d/tradeflow.conf changed: restarting the server to apply them."
    pg_ctlcluster 15 main restart
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
