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

# The test suite reads the TMX export back with translate-toolkit, an established TMX
# reader, installed in a project-local virtualenv (.venv/, ignored by git).
TRANSLATE_TOOLKIT_VERSION=3.20.4
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$repo_root/.venv"
if ! command -v python3 >/dev/null 2>&1; then
    echo "setup: python3 not found; install Python 3 (with its venv module) first" >&2
    exit 1
fi
if ! "$venv/bin/python" -c "import translate.storage.tmx" >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        "translate-toolkit==$TRANSLATE_TOOLKIT_VERSION"
fi
