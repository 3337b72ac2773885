#!/usr/bin/env bash
# Usage: scripts/scale_corpus.sh N DIR [all|pdf|text]
# Copies the bundled corpus's PDFs and texts (corpus/pdf, corpus/text) N times into DIR,
# as DIR/copy-0001/pdf/…, DIR/copy-0002/pdf/…, so each copy keeps distinct relative paths.
# DIR is emptied first. The third argument limits the copies to one kind of file.
set -euo pipefail

if [[ $# -lt 2 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 N DIR [all|pdf|text]" >&2
    exit 2
fi
copies=$1
dir=$2
kinds=${3:-all}
repo=$(cd "$(dirname "$0")/.." && pwd)

case $kinds in
    all) subdirs=(pdf text) ;;
    pdf | text) subdirs=("$kinds") ;;
    *) echo "$0: unknown kind $kinds (all, pdf or text)" >&2; exit 2 ;;
esac

rm -rf "$dir"
mkdir -p "$dir"
for ((i = 1; i <= copies; i++)); do
    copy=$(printf '%s/copy-%04d' "$dir" "$i")
    for sub in "${subdirs[@]}"; do
        mkdir -p "$copy/$sub"
        cp "$repo/corpus/$sub"/* "$copy/$sub/"
    done
done
