#!/usr/bin/env bash
# Where a loaded replica's CPU goes: runs `overhead` (16 agents, one round, 40 s phases, 30 s warm-ups) with
# perf maps on, records every CPU with perf for 30 s of the gatehouse phase, and prints the breakdown of the
# replica's samples by module and by component (perf-breakdown.py). Needs perf (apt-get install -y linux-perf)
# and root. Usage: bash loadtests/profile/profile.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-artifacts/profile}
mkdir -p "$out"
dotnet build loadtests/Gatehouse.LoadTests -c Release -nologo -clp:ErrorsOnly
: > "$out/overhead.log"
# Perf maps name JIT-compiled methods; W^X off so the code perf sees is the code the maps name.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet run --project loadtests/Gatehouse.LoadTests -c Release --no-build -- \
  overhead --agents 16 --rounds 1 --seconds 40 --warmup 30 --no-progress --out "$out" > "$out/overhead.log" 2>&1 &
run=$!
until grep -q "gatehouse, 16 agents, round 1: running" "$out/overhead.log"; do
  sleep 1
  kill -0 "$run" 2>/dev/null || { cat "$out/overhead.log"; exit 1; }
done
pid=$(pgrep -f "$(pwd)/src/Gatehouse.Host/bin/Release/net10.0/gatehouse.dll --config" | head -n 1)
sleep 3
perf record -F 499 -g -a -o "$out/perf.data" -- sleep 30
wait "$run"
perf script -i "$out/perf.data" --pid "$pid" -F tid,ip,sym,dso > "$out/perf.script" 2>/dev/null
python3 loadtests/profile/perf-breakdown.py "$out/perf.script" | tee "$out/breakdown.txt"
