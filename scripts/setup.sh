#!/usr/bin/env bash
# Installs what building and testing need beyond a Rust toolchain. Idempotent.
set -euo pipefail

if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: cargo not found; install Rust (https://rustup.rs) first" >&2
    exit 1
fi
for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
        rustup component add "$component"
    fi
done

# A project-local virtualenv (.venv/, ignored by git) holds what the tests run in Python:
# the tools users read every export with (translate-toolkit for the TMX, Hugging Face
# datasets, pandas on pyarrow and DuckDB for the JSONL, Parquet and CSV files), Playwright
# to render the review page in the system's Chromium, maturin to build the Python package
# into it, and pytest for its tests and the scale-out recipe's on Dask (dask.bag and a
# distributed LocalCluster).
PYTHON_PACKAGES=(
    translate-toolkit==3.20.4
    datasets==5.2.0
    pandas==3.1.1
    pyarrow==26.0.1
    duckdb==2.0.1
    playwright==1.65.2
    maturin==1.16.0
    pytest==9.2.0
    "dask[bag]==2026.8.0"
    distributed==2026.8.0
)
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$repo_root/.venv"
if ! command -v python3 >/dev/null 2>&1; then
    echo "setup: python3 not found; install Python 3 (with its venv module) first" >&2
    exit 1
fi
installed="$venv/.installed"
if [[ "$(cat "$installed" 2>/dev/null)" != "${PYTHON_PACKAGES[*]}" ]]; then
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_PACKAGES[@]}"
    echo "${PYTHON_PACKAGES[*]}" >"$installed"
fi

# The browser test uses Debian's Chromium (Playwright downloads no browser of its own).
if ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        apt-get install -y chromium >/dev/null 2>&1 ||
            { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
    else
        echo "setup: chromium not found; install it to run make test-browser" >&2
    fi
fi
