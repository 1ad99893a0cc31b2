#!/usr/bin/env bash
# The two-replica test shares Backstage's cache through Redis at 127.0.0.1:6379; start a local server when none answers.
set -uo pipefail
up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }
if up; then exit 0; fi
if [ -n "${OPSFOLIO_TEST_REDIS_URL:-}" ]; then exit 0; fi
echo "Redis is not answering on 127.0.0.1:6379: starting a local server" >&2
if command -v redis-server >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null || true
fi
for _ in $(seq 1 20); do up && exit 0; sleep 0.5; done
echo "Redis is still not reachable at 127.0.0.1:6379; the two-replica test will fail." >&2
echo "Install it (apt-get install redis-server) or point OPSFOLIO_TEST_REDIS_URL at a server." >&2
exit 0
