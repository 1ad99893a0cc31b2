#!/usr/bin/env bash
# The store tests run on PostgreSQL at 127.0.0.1:5432 as well as SQLite; start the local cluster when it is down.
set -uo pipefail
up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if up; then exit 0; fi
if [ -n "${OPSFOLIO_TEST_POSTGRES_URL:-}" ]; then exit 0; fi
echo "PostgreSQL is not answering on 127.0.0.1:5432: starting the local cluster" >&2
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
for _ in $(seq 1 30); do up && exit 0; sleep 1; done
echo "PostgreSQL is still not reachable at 127.0.0.1:5432; the PostgreSQL store tests will fail." >&2
echo "Start it with: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
exit 0
