# Start a throw-away PostgreSQL on 127.0.0.1 for the ledger tests; sourced by .ci/run.
# Installs Debian's server when the machine has none. Without one, the PostgreSQL cases fail loudly.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || { echo "could not install PostgreSQL" >&2; exit 1; }
fi
PGBIN=$(pg_bin)
PGPORT=${ONRECORD_PG_PORT:-54329}
PGDATA=$(mktemp -d /tmp/onrecord-pg.XXXXXX)
run_as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
run_as_pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
run_as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1' start" >/dev/null
trap 'run_as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1; rm -rf "$PGDATA"' EXIT
export ONRECORD_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $ONRECORD_TEST_POSTGRES"
