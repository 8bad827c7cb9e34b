#!/usr/bin/env bash
# Load benchmark of the published Waymark server (docs/benchmarks.md, "Load"): publishes src/Waymark.Cli in Release,
# starts `waymark serve` on 127.0.0.1 from an unrelated folder with a fresh SQLite file, creates the workspaces, signs
# in as a person and makes API tokens, then loads each read at 50 connections and a write mix at 10 connections with
# autocannon (npm, installed into the git-ignored .tools folder when missing), measuring the server's CPU per request.
#
#   benchmarks/load/run.sh [--duration 20] [--workspace demo|large|both] [--connections 50] [--write-connections 10]
#                          [--warmup 3] [--idle 60] [--fresh 10] [--published DIR] [--generator DIR] [--out FILE]
#
# Reads are sent with Accept-Encoding: gzip, deflate, br, as a browser sends them. --fresh S also times each read
# worked out afresh (a query parameter of its own per request, so no kept answer serves it) for S seconds; 0 skips it.
# --published DIR reuses a build made by `dotnet publish src/Waymark.Cli -c Release -o DIR` instead of publishing.
# --generator DIR creates the large workspace with the waymark published in DIR (same database schema), e.g. to
#   measure an older server on the large workspace of a newer `waymark demo --size large`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

duration=20 workspace=both connections=50 write_connections=10 warmup=3 idle=60 fresh=10 published="" generator="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --workspace) workspace=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --write-connections) write_connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --fresh) fresh=$2; shift 2 ;;
    --published) published=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$workspace" in demo|large|both) ;; *) echo "--workspace is demo, large or both" >&2; exit 2 ;; esac

say() { printf '==> %s\n' "$*" >&2; }

# --- the load tool ---------------------------------------------------------------------------------------------
tools="$root/.tools"
if [ ! -f "$tools/node_modules/autocannon/package.json" ]; then
  command -v npm >/dev/null || { echo "npm is needed (apt-get install npm)" >&2; exit 1; }
  say "installing autocannon from npm into .tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error autocannon@9.0.0 >/dev/null
fi

scratch=$(mktemp -d /tmp/waymark-load.XXXXXX)
server_pid=""
finish() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap finish EXIT

# --- the published build -----------------------------------------------------------------------------------------
if [ -z "$published" ]; then
  published="$scratch/published"
  say "publishing src/Waymark.Cli (Release) into $published"
  DOTNET_NOLOGO=1 dotnet publish src/Waymark.Cli -c Release -o "$published" --artifacts-path "$scratch/artifacts" -nologo -v q >&2
fi
waymark="$published/waymark"
[ -x "$waymark" ] || { echo "no published waymark in $published" >&2; exit 1; }

# --- the server, from a folder that has nothing to do with the program -------------------------------------------
elsewhere="$scratch/elsewhere"; mkdir -p "$elsewhere"
db="$scratch/load.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
email="load@waymark.local"
say "starting waymark serve on $url"
# Writes per token are rate-limited (600 a minute by default): the write mix would measure the limiter, so it is lifted.
( cd "$elsewhere" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production Waymark__AdminEmail="$email" \
    Waymark__RateLimits__TokenWritesPerWindow=100000000 "$waymark" serve --db "$db" --urls "$url" ) >"$scratch/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 450); do
  grep -q "Waymark is listening on" "$scratch/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$scratch/server.log" >&2; exit 1; }
  sleep 0.2
done
grep -q "Waymark is listening on" "$scratch/server.log" || { echo "waymark serve did not start in 90 s" >&2; cat "$scratch/server.log" >&2; exit 1; }
password=$(sed -n 's/^ *password: *\(\S*\).*/\1/p' "$scratch/server.log" | head -n 1)
[ -n "$password" ] || { echo "the server printed no one-time password" >&2; cat "$scratch/server.log" >&2; exit 1; }

# --- the workspaces: the demo seeded on first start, and the large one from `waymark demo --size large` ------------
workspaces=()
if [ "$workspace" != large ]; then workspaces+=('{"label":"demo","key":"demo"}'); fi
maker="${generator:+$generator/waymark}"; maker="${maker:-$waymark}"
if [ "$workspace" != demo ]; then
  if "$maker" demo --help 2>/dev/null | grep -q -- '--size'; then
    say "creating the large workspace (waymark demo --size large)"
    large=$("$maker" demo --size large --key large --db "$db" | tail -n 1)
    workspaces+=("{\"label\":\"large\",\"key\":\"$large\"}")
  else
    say "WARNING: this build has no 'waymark demo --size large'; a second small demo stands in for the large workspace"
    large=$("$maker" demo --key large --db "$db" | tail -n 1)
    workspaces+=("{\"label\":\"large\",\"key\":\"$large\",\"note\":\"stand-in: a second small demo, this build has no --size large\"}")
  fi
fi
list=$(IFS=,; echo "[${workspaces[*]}]")

# --- the run -----------------------------------------------------------------------------------------------------
mkdir -p benchmarks/load/results
stamp=$(date -u +%Y%m%d-%H%M)
out=${out:-benchmarks/load/results/$stamp.md}
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " (with uncommitted changes)" || true)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
dotnet_version=$(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.AspNetCore.App/ {v=$2} END {print v}')
header="## Load benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC, commit $commit$dirty

Command: \`benchmarks/load/run.sh --duration $duration --workspace $workspace --connections $connections --write-connections $write_connections --warmup $warmup --idle $idle --fresh $fresh${generator:+ --generator …}\`
Machine: $(nproc) cores ($cpu), $memory, $(. /etc/os-release && echo "$PRETTY_NAME"), ASP.NET Core $dotnet_version; published Release build, SQLite, load tool and server on the same machine (127.0.0.1)."

say "loading (about $(( (8 * (duration + warmup + fresh) + duration) * ${#workspaces[@]} + idle )) s)"
BENCH_URL="$url" BENCH_PID="$server_pid" BENCH_DURATION="$duration" BENCH_WARMUP="$warmup" BENCH_CONNECTIONS="$connections" \
BENCH_WRITE_CONNECTIONS="$write_connections" BENCH_IDLE="$idle" BENCH_FRESH="$fresh" BENCH_CLK_TCK="$(getconf CLK_TCK)" BENCH_EMAIL="$email" \
BENCH_PASSWORD="$password" BENCH_WORKSPACES="$list" BENCH_OUT="$out" BENCH_HEADER="$header" \
AUTOCANNON_DIR="$tools/node_modules/autocannon" node benchmarks/load/bench.mjs
say "written to $out"
