#!/usr/bin/env bash
# End-to-end throughput of the binary writing CSV: builds the benchmark corpus (BENCH_MB,
# default 200, as 10 MB files; BENCH_CORPUS=DIR to vary other bulletins than fixtures/;
# BENCH_ONE_FILE=1 joins it into one file), then runs `extract` with 1 thread pinned to
# one core (taskset) and with every core, reporting MB/s and peak memory. BIN=PATH runs
# another build of the binary (e.g. an older commit's) on the same corpus; RUNS=N runs
# each N times back to back (the best counts).
# Usage: benches/e2e.sh            (needs /usr/bin/time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet
bin=${BIN:-target/release/bulletin-facts}
cargo bench --quiet --features internals --bench throughput -- --write-corpus "$dir/corpus" > /dev/null
if [ "${BENCH_ONE_FILE:-}" = 1 ]; then
    cat "$dir"/corpus/*.txt > "$dir/one.txt"
    rm -r "$dir/corpus"
    mkdir "$dir/corpus"
    mv "$dir/one.txt" "$dir/corpus/one.txt"
fi
bytes=$(cat "$dir"/corpus/*.txt | wc -c)
files=$(ls "$dir"/corpus | wc -l)
for jobs in 1 "$(nproc)"; do
    # One job on one core: the writing thread shares it, as on a one-core machine.
    pin=()
    if [ "$jobs" = 1 ] && [ "${BENCH_ONE_FILE:-}" != 1 ] && command -v taskset > /dev/null; then pin=(taskset -c 0); fi
    for _ in $(seq "${RUNS:-1}"); do
        /usr/bin/time -f "%e %M" -o "$dir/time" "${pin[@]}" \
            "$bin" extract "$dir/corpus" --jobs "$jobs" --keep-duplicates -q -o "$dir/facts.csv"
        read -r secs rss_kb < "$dir/time"
        awk -v b="$bytes" -v s="$secs" -v r="$rss_kb" -v j="$jobs" -v f="$files" \
            'BEGIN { printf "extract, %d file(s), --jobs %d: %.1f MB in %.2f s = %.1f MB/s, peak RSS %.1f MB\n", f, j, b/1e6, s, b/1e6/s, r/1024 }'
    done
done
printf 'CSV written: %s rows\n' "$(($(wc -l < "$dir/facts.csv") - 1))"
