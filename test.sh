#!/usr/bin/env bash
# Runs every Waymark test: installs what the tests need when it is missing (PostgreSQL, Chromium, the OpenAPI linter),
# starts a throwaway PostgreSQL cluster on 127.0.0.1, runs all test projects (the HTTP API tests twice: on SQLite and
# on PostgreSQL), and closes with one line "N passed, N failed" summed over all of them (read from the TRX results).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '==> %s\n' "$*"; }

apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "need root to install $*" >&2; return 1; fi
  if [ -z "${apt_updated:-}" ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- PostgreSQL for the storage tests and the second run of the HTTP API tests ---------------------
pg_dir=""
stop_pg() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_pg EXIT

if [ -z "${WAYMARK_TEST_POSTGRES:-}" ]; then
  if [ -z "$(pg_bin)" ]; then say "installing postgresql"; apt_install postgresql || exit 1; fi
  bin=$(pg_bin)
  pg_dir=$(mktemp -d /tmp/waymark-pg.XXXXXX)
  chown postgres "$pg_dir"
  port=$(( 40000 + RANDOM % 20000 ))
  say "starting a throwaway PostgreSQL on 127.0.0.1:$port"
  runuser -u postgres -- "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log"; exit 1; }
  runuser -u postgres -- "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$pg_dir/server.log"; exit 1; }
  export WAYMARK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

# --- Chromium for the browser tests ------------------------------------------------------------
if [ -d tests/Waymark.Browser.Tests ] && [ ! -x /usr/bin/chromium ]; then
  say "installing chromium"; apt_install chromium || exit 1
fi

# --- poppler's pdftoppm: the printed-map tests rasterise a PDF page to hold it against the PNG ------------
if [ ! -x /usr/bin/pdftoppm ]; then
  say "installing poppler-utils"; apt_install poppler-utils || exit 1
fi

# --- npm tools for the quality tests (OpenAPI lint, accessibility scan), into the git-ignored .tools folder ---
tools="$root/.tools"
need=()
[ -x "$tools/node_modules/.bin/redocly" ] || need+=("@redocly/cli@2.77.0")
[ -f "$tools/node_modules/axe-core/axe.min.js" ] || need+=("axe-core@4.10.3")
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v npm >/dev/null; then say "installing npm"; apt_install npm || exit 1; fi
  say "installing ${need[*]} from npm"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${need[@]}" >/dev/null || exit 1
fi
export WAYMARK_AXE="${WAYMARK_AXE:-$tools/node_modules/axe-core/axe.min.js}"

# --- run ---------------------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
say "building"
dotnet build Waymark.slnx -c Debug -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  say "testing $name"
  WAYMARK_TEST_DATABASE=sqlite dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done
say "testing Waymark.Web.Tests on PostgreSQL"
WAYMARK_TEST_DATABASE=postgres dotnet test tests/Waymark.Web.Tests/Waymark.Web.Tests.csproj --no-build -nologo \
  --logger "trx;LogFileName=Waymark.Web.Tests.Postgres.trx" --results-directory "$results" || status=1

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  for field in passed failed error timeout aborted; do
    n=$(printf '%s' "$counters" | grep -o " $field=\"[0-9]*\"" | grep -o '[0-9]*' || true)
    n=${n:-0}
    if [ "$field" = passed ]; then passed=$((passed + n)); else failed=$((failed + n)); fi
  done
done
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
