#!/usr/bin/env bash
# Installs everything the site and the tests need, on a fresh Debian machine or a laptop.
# Idempotent: a second run only checks. Usage: tools/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

have_browser() {
  [ -n "${CHROMIUM_PATH:-}" ] && return 0
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$b" >/dev/null 2>&1 && return 0
  done
  return 1
}

if [ "$want_browser" = 1 ] && ! have_browser; then
  echo "== installing Chromium (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The W3C Nu Html Checker (npm vnu-jar, tests/site/test_html_valid.py) runs on Java 11 or later.
if [ "$want_browser" = 1 ] && ! command -v java >/dev/null 2>&1; then
  echo "== installing Java (apt, for the Nu Html Checker)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== pip install"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps -e .
  touch "$stamp"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ]; then
  wheels=.cache/pyodide-wheels
  if [ ! -f "$wheels/.done" ] || [ tests/pyodide/requirements.txt -nt "$wheels/.done" ]; then
    echo "== downloading pure-Python test wheels for Pyodide"
    rm -rf "$wheels"
    .venv/bin/python -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform any --python-version 3.14 --implementation py \
      -d "$wheels" -r tests/pyodide/requirements.txt
    touch "$wheels/.done"
  fi
fi
