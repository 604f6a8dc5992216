#!/usr/bin/env bash
# Everything the tests need beyond package-lock.json, from the npm and Debian registries only; idempotent.
#   office-setup.sh: LibreOffice, poppler-utils, CJK fonts (the Word export opened in real office software)
#   e2e-setup.sh:    Chromium, a CJK font, code-server (the real VS Code; the web page and summary in a browser)
set -euo pipefail
cd "$(dirname "$0")"
bash office-setup.sh
bash e2e-setup.sh
