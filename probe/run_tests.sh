#!/bin/sh
# Runs the probe's tests with Debian's PyTorch (/usr/bin/python3), the package taken from the
# source tree (no install). Call from the repository root or from anywhere: exits non-zero on failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" exec /usr/bin/python3 -m pytest -q -p no:cacheprovider probe/tests "$@"
