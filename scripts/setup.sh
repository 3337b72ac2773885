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
# translate-toolkit, an established TMX reader, reads the TMX export back; maturin builds
# the Python package into it, and pytest runs its tests, the scale-out recipe's on Dask
# (dask.bag and a distributed LocalCluster).
PYTHON_TEST_PACKAGES=(
    "translate-toolkit==3.20.4"
    "maturin==1.16.0"
    "pytest==9.2.0"
    "dask[bag]==2026.8.0"
    "distributed==2026.8.0"
)
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$repo_root/.venv"
if ! command -v python3 >/dev/null 2>&1; then
    echo "setup: python3 not found; install Python 3 (with its venv module) first" >&2
    exit 1
fi
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
# Idempotent: pip installs only what is missing or pinned at another version.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${PYTHON_TEST_PACKAGES[@]}"
