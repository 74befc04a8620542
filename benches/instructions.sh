#!/usr/bin/env bash
# Instructions per byte, counted by callgrind: repeatable on a shared machine where
# wall-clock figures are not. Builds a small corpus (BENCH_MB, default 2; BENCH_CORPUS=DIR
# to vary other bulletins than fixtures/) and counts either
#   - the library's extraction (default): the throughput bench on one thread, or
#   - the CLI path (`--cli`): `bulletin-facts extract DIR --jobs 1 -o /dev/null`, every
#     thread of the process, reading and writing included (BIN=PATH counts another build
#     of the binary, e.g. an older commit's, on the same corpus).
# Prints the figure and the profile's path
# (`callgrind_annotate --inclusive=yes FILE | head -60` shows where the time goes).
# Usage: benches/instructions.sh [--cli]      (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --benches --features internals --quiet
bench=$(ls -t target/release/deps/throughput-* | grep -v '\.d$' | head -1)
out=$(mktemp -d)
if [ "${1:-}" = "--cli" ]; then
    cargo build --release --quiet
    bin=${BIN:-target/release/bulletin-facts}
    BENCH_MB=${BENCH_MB:-2} "$bench" --write-corpus "$out/corpus" > /dev/null
    bytes=$(cat "$out"/corpus/*.txt | wc -c)
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
        "$bin" extract "$out/corpus" --jobs 1 -q -o /dev/null > "$out/log" 2>&1
    total=$(grep -o 'Collected : [0-9]*' "$out/log" | grep -o '[0-9]*$')
    awk -v t="$total" -v b="$bytes" \
        'BEGIN { printf "%.1f instructions per byte, CLI path (%.0f over %.1f MB)\n", t / b, t, b / 1e6 }'
    echo "profile: $out/callgrind.out"
    exit 0
fi
# Only the library's extraction is counted, not the building of the corpus around it.
BENCH_MB=${BENCH_MB:-2} RAYON_NUM_THREADS=1 valgrind --tool=callgrind \
    --toggle-collect='bulletin_facts::extract::extract_text*' \
    --callgrind-out-file="$out/callgrind.out" "$bench" --bench > "$out/log" 2>&1
total=$(grep -o 'Collected : [0-9]*' "$out/log" | grep -o '[0-9]*$')
mb=$(grep -o 'corpus: [0-9.]* MB' "$out/log" | grep -o '[0-9.]*')
# The bench extracts the corpus twice (one thread, then all threads: here also one).
awk -v t="$total" -v mb="$mb" 'BEGIN { printf "%.1f instructions per byte (%.0f over 2 x %.1f MB)\n", t / (2 * mb * 1e6), t, mb }'
echo "profile: $out/callgrind.out"
