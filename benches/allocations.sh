#!/usr/bin/env bash
# Allocations per fact of the CLI path (`extract --jobs 1`, reading and writing included),
# counted by valgrind's dhat on a build with the system allocator (dhat cannot see
# mimalloc's). Corpus as for instructions.sh: BENCH_MB (default 1) of BENCH_CORPUS (default
# fixtures/) varied.
# Usage: benches/allocations.sh      (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --benches --features internals --quiet
bench=$(ls -t target/release/deps/throughput-* | grep -v '\.d$' | head -1)
# Its own target directory: the build without mimalloc would otherwise replace the usual one.
CARGO_TARGET_DIR=target/system-alloc cargo build --release --no-default-features --quiet
out=$(mktemp -d)
BENCH_MB=${BENCH_MB:-1} "$bench" --write-corpus "$out/corpus" > /dev/null
valgrind --tool=dhat --dhat-out-file="$out/dhat.json" target/system-alloc/release/bulletin-facts \
    extract "$out/corpus" --jobs 1 -q -o "$out/facts.csv" > "$out/log" 2>&1
blocks=$(grep -o 'Total: .* in [0-9,]* blocks' "$out/log" | grep -o 'in [0-9,]*' | tr -dc 0-9)
facts=$(($(wc -l < "$out/facts.csv") - 1))
awk -v b="$blocks" -v f="$facts" 'BEGIN { printf "%.2f allocations per fact, CLI path (%d over %d facts)\n", b / f, b, f }'
echo "profile: $out/dhat.json (open in /usr/libexec/valgrind/dh_view.html)"
