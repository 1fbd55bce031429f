#!/usr/bin/env bash
# Side by side in one run (issue 17 item 6): the CLI as built by `dotnet build` (JIT), the CLI as shipped
# (Native AOT, ./vietus-sim), and the numpy peer benchmarks/peers/ge_hat.py on the same GE inputs and tolerance (1e-12):
# in process (first call and warm median of the solve alone: the C# side through the benchmarks project's
# --ge-inprocess mode, JIT-compiled) and whole process (hyperfine, command start to exit, CSV reading and writing
# included). Installs Debian's python3-numpy and hyperfine when missing. Not run in CI.
# usage: benchmarks/peers/run.sh [RUNS]   (results: markdown tables on stdout; paste into benchmarks/RESULTS.md)
#   BASELINE_TOOL=DIR  also times DIR/vietus-sim.dll (a tool published from an earlier commit, e.g. with
#                      `dotnet publish src/VietUsTrade.Sim.Cli -c Release -r linux-x64 --self-contained false -o DIR`)
#                      in the same hyperfine runs, for before/after numbers taken side by side.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null || ! command -v hyperfine >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy hyperfine >/dev/null
fi
cd "$root"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB;" \
  "$(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version); Python $("$py" -c 'import platform, numpy; print(platform.python_version(), "numpy", numpy.__version__)');" \
  "hyperfine $(hyperfine --version | cut -d' ' -f2); load average at start $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per command"
dotnet build src/VietUsTrade.Sim.Cli -c Release --nologo -v quiet >/dev/null
dotnet build benchmarks/VietUsTrade.Sim.Benchmarks -c Release --nologo -v quiet >/dev/null
inproc="dotnet $root/benchmarks/VietUsTrade.Sim.Benchmarks/bin/Release/net10.0/VietUsTrade.Sim.Benchmarks.dll --ge-inprocess"
./vietus-sim data summary >/dev/null   # publishes the Native AOT tool into artifacts/tool when stale
jit="dotnet $root/src/VietUsTrade.Sim.Cli/bin/Release/net10.0/vietus-sim.dll"
[ "$(cat "$root/artifacts/tool/.published")" = native ] || { echo "run.sh: ./vietus-sim did not build the Native AOT tool (artifacts/tool-publish.log)" >&2; exit 1; }
r2r="$root/artifacts/tool/vietus-sim"
base="${BASELINE_TOOL:+dotnet $BASELINE_TOOL/vietus-sim.dll}"
# also NAME COMMAND: the baseline tool's hyperfine arguments for COMMAND (its arguments after the program), if any.
also() { if [ -n "$base" ]; then printf '%s\0' -n "baseline ($BASELINE_TOOL): $1" "$base $2"; fi; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 30 240; do
  mkdir -p "$work/ge$n"
  "$py" benchmarks/peers/ge_hat.py make "$n" "$n" "$work/ge$n"
  $r2r ge solve --flows "$work/ge$n/flows.csv" --shock "$work/ge$n/shock.csv" --sigma 5 --out "$work/ge$n/out" >/dev/null
  cs="$($inproc "files:$work/ge$n:5")"
  np="$("$py" benchmarks/peers/ge_hat.py solve "$work/ge$n" 5 50)"
  echo "in-process, N=$n: $cs"
  echo "in-process, N=$n: $np"
  med() { sed -n 's/.*solve_ms_median=\([0-9.]*\).*/\1/p' <<<"$1"; }
  first() { sed -n 's/.*solve_ms_first=\([0-9.]*\).*/\1/p' <<<"$1"; }
  echo "in-process, N=$n: C#/numpy warm median $(awk "BEGIN {printf \"%.3f\", $(med "$cs") / $(med "$np")}"), first call $(awk "BEGIN {printf \"%.3f\", $(first "$cs") / $(first "$np")}")"
done
mkdir -p "$work/sweep"
printf '%s\n' '{"scenarios": ["reciprocal-20"], "vietnam_rates": [0.1, 0.2, 0.3, 0.46], "exemptions": {"none": [], "coffee": ["0901"]}, "elasticity_scales": [0.5, 1, 1.5]}' >"$work/grid.json"
run() { hyperfine -N -w 1 -r "$runs" --export-markdown "$work/$1.md" "${@:2}" >/dev/null 2>&1 || hyperfine -N -w 1 -r "$runs" --export-markdown "$work/$1.md" "${@:2}"; cat "$work/$1.md"; echo; }
ge() { echo "ge solve --flows $work/ge$1/flows.csv --shock $work/ge$1/shock.csv --sigma 5 --force --out $work/ge$1/$2"; }
mapfile -d '' b30 < <(also "ge solve 30" "$(ge 30 c)")
mapfile -d '' b240 < <(also "ge solve 240" "$(ge 240 c)")
mapfile -d '' bpe < <(also "run --preset reciprocal-20" "run --preset reciprocal-20")
mapfile -d '' bign < <(also "ge ignatenko --case 1" "ge ignatenko --case 1")
mapfile -d '' bicio < <(also "ge icio --preset liberation-day-46" "ge icio --preset liberation-day-46")
mapfile -d '' bproj < <(also "project --draws 10000" "project --preset real-2025-2026 --draws 10000 --seed 1")
run ge30 -n "C# JIT, ge solve 30" "$jit $(ge 30 a)" -n "C# Native AOT, ge solve 30" "$r2r $(ge 30 b)" "${b30[@]}" -n "numpy, 30" "$py benchmarks/peers/ge_hat.py solve $work/ge30 5"
run ge240 -n "C# JIT, ge solve 240" "$jit $(ge 240 a)" -n "C# Native AOT, ge solve 240" "$r2r $(ge 240 b)" "${b240[@]}" -n "numpy, 240" "$py benchmarks/peers/ge_hat.py solve $work/ge240 5"
run icio -n "JIT: ge icio --preset liberation-day-46" "$jit ge icio --preset liberation-day-46" -n "Native AOT: ge icio --preset liberation-day-46" "$r2r ge icio --preset liberation-day-46" "${bicio[@]}"
run pe -n "JIT: run --preset reciprocal-20" "$jit run --preset reciprocal-20" -n "Native AOT: run --preset reciprocal-20" "$r2r run --preset reciprocal-20" "${bpe[@]}"
run ign -n "JIT: ge ignatenko --case 1" "$jit ge ignatenko --case 1" -n "Native AOT: ge ignatenko --case 1" "$r2r ge ignatenko --case 1" "${bign[@]}"
run proj -n "JIT: project --draws 10000" "$jit project --preset real-2025-2026 --draws 10000 --seed 1" -n "Native AOT: project --draws 10000" "$r2r project --preset real-2025-2026 --draws 10000 --seed 1" "${bproj[@]}"
run sweep -n "Native AOT: sweep, 24 points, 1 core" "taskset -c 0 $r2r sweep $work/grid.json --force --out $work/sweep"
