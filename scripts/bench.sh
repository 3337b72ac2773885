#!/usr/bin/env bash
# Benchmarks: criterion stage benchmarks, whole runs over a scaled copy of the bundled
# corpus, pdftotext as the reference, and peak memory at 100 and 1,000 documents.
#
# Usage: scripts/bench.sh [--no-criterion]
# Environment: BENCH_DIR (scratch directory, default a fresh temporary one),
# BENCH_JOBS (worker threads of the whole runs, default the number of cores).
# Prints figures only: nothing here fails on a slow run.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
run_criterion=1
[[ ${1:-} == --no-criterion ]] && run_criterion=0
jobs=${BENCH_JOBS:-$(nproc)}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
bin=$repo/target/release/bitextract

ensure_tools() {
    if [[ ! -x /usr/bin/time ]] || ! command -v pdftotext >/dev/null; then
        apt-get install -y time poppler-utils >/dev/null 2>&1 ||
            { apt-get update >/dev/null && apt-get install -y time poppler-utils >/dev/null; }
    fi
}

# time_run LABEL COMMAND…: runs COMMAND under /usr/bin/time -v; sets SECONDS_TAKEN, PEAK_KB.
time_run() {
    local log=$work/time.log
    /usr/bin/time -v "$@" 2>"$log" >/dev/null
    SECONDS_TAKEN=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
    PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
}

# whole_run COPIES KIND JOBS: bitextract extract over the corpus copied COPIES times.
whole_run() {
    local copies=$1 kind=$2 threads=$3
    local corpus=$work/corpus-$kind-$copies out=$work/out-$kind-$copies-$threads
    [[ -d $corpus ]] || scripts/scale_corpus.sh "$copies" "$corpus" "$kind"
    time_run "$bin" extract "$corpus" -o "$out" --jobs "$threads" --quiet
    python3 - "$out" "$SECONDS_TAKEN" "$PEAK_KB" "$kind" "$copies" "$threads" <<'PY'
import json, pathlib, sys
out, seconds, peak_kb = pathlib.Path(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
kind, copies, threads = sys.argv[4:7]

def text_bytes(node):
    """UTF-8 bytes of every "text" string in a document."""
    if isinstance(node, dict):
        return sum(len(v.encode()) if k == "text" and isinstance(v, str) else text_bytes(v)
                   for k, v in node.items())
    if isinstance(node, list):
        return sum(text_bytes(v) for v in node)
    return 0

docs = pages = text = 0
for path in (out / "documents").glob("*.json"):
    doc = json.loads(path.read_text())
    docs += 1
    pages += sum(s.get("pages") or 0 for s in doc["sources"])
    text += text_bytes(doc)
manifest = json.loads((out / "manifest.json").read_text())
pairs = manifest["counts"]["segment_pairs"]
s = max(seconds, 1e-9)
print(f"{kind:>4} x{copies:<4} jobs={threads}  {docs:5d} docs {s:7.2f} s  "
      f"{docs / s:8.1f} docs/s  {pages / s:8.1f} pages/s  {text / s / 1e6:6.2f} MB/s text  "
      f"{pairs / s:9.1f} pairs/s  peak RSS {peak_kb / 1024:7.1f} MiB")
PY
}

ensure_tools
cargo build --release -p bitextract --quiet

if ((run_criterion)); then
    echo "== Stage benchmarks (criterion)"
    cargo bench --quiet -p align -p ingest -p lang -p sections -p pipeline --bench align_speed \
        --bench ingest_speed --bench lang_speed --bench sections_speed --bench join_speed -- \
        --warm-up-time 1 --measurement-time 2 2>&1 | grep -E '^[a-z].*|time:|thrpt:'
fi

echo "== Whole runs, $jobs threads"
whole_run 10 all "$jobs"
whole_run 25 pdf "$jobs"
pdf_seconds_bitextract=$SECONDS_TAKEN

echo "== Reference: pdftotext alone on the same PDFs, $jobs parallel jobs"
time_run bash -c "find '$work/corpus-pdf-25' -name '*.pdf' -print0 |
    xargs -0 -P '$jobs' -I{} pdftotext -q {} /dev/null"
pdf_count=$(find "$work/corpus-pdf-25" -name '*.pdf' | wc -l)
awk -v n="$pdf_count" -v s="$SECONDS_TAKEN" -v b="$pdf_seconds_bitextract" 'BEGIN {
    printf "pdftotext: %d PDFs %.2f s  %.1f docs/s\n", n, s, n / s
    printf "bitextract whole pipeline / pdftotext alone: %.2fx the time\n", b / s }'

echo "== Peak memory: 100 and 1,000 documents, 1 and 2 threads, every format"
declare -A peak
for copies in 10 100; do
    for threads in 1 2; do
        whole_run "$copies" all "$threads"
        peak[$copies-$threads]=$PEAK_KB
    done
done
# The dataset is written as a stream: 1,000 documents should need at most 1.2x the memory of 100.
for threads in 1 2; do
    awk -v small="${peak[10-$threads]}" -v large="${peak[100-$threads]}" -v j="$threads" 'BEGIN {
        printf "peak RSS, jobs=%d: 1,000 documents / 100 documents = %.2fx\n", j, large / small }'
done
