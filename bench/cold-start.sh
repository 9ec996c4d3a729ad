#!/usr/bin/env bash
# Cold start of one levy command: runs it N times as a new process (warm disk) and prints the median and range of the wall
# time, of the CPU time (user + system, less sensitive to other load) and of the peak resident memory (GNU time's %M).
# Usage: bench/cold-start.sh [-n 10] LEVY ARGS...
#   bench/cold-start.sh levy rate 8703.23.01.90 --origin JP --date 2025-04-20
set -euo pipefail
runs=10
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] COMMAND ARGS..." >&2; exit 2; }
"$@" > /dev/null 2>&1 || true   # one run first, so that the files are in the page cache
times=(); cpu=(); rss=()
record=$(mktemp)
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$record" -f "%e %U %S %M" "$@" > /dev/null 2>&1 || true
  read -r e u s m < <(tail -1 "$record")
  times+=("$e"); cpu+=("$(echo "$u + $s" | bc)"); rss+=("$m")
done
rm -f "$record"
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%s %s %s", m, a[1], a[NR]}'; }
read -r tm tlo thi <<< "$(stats "${times[@]}")"
read -r rm rlo rhi <<< "$(stats "${rss[@]}")"
read -r cm clo chi <<< "$(stats "${cpu[@]}")"
printf '%s runs: wall median %.0f ms (%.0f-%.0f ms), CPU median %.0f ms (%.0f-%.0f ms), peak RSS median %.0f MB (%.0f-%.0f MB): %s\n' "$runs" \
  "$(echo "$tm*1000" | bc)" "$(echo "$tlo*1000" | bc)" "$(echo "$thi*1000" | bc)" \
  "$(echo "$cm*1000" | bc)" "$(echo "$clo*1000" | bc)" "$(echo "$chi*1000" | bc)" \
  "$(echo "$rm/1024" | bc -l)" "$(echo "$rlo/1024" | bc -l)" "$(echo "$rhi/1024" | bc -l)" "$*"
