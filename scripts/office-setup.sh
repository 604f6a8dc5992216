#!/usr/bin/env bash
# Installs what the export tests with real office software need, from Debian's registry only.
# Idempotent: a second run only checks and returns (well under a second).
#   - libreoffice-writer-nogui: `soffice --headless --convert-to pdf` turns the exported .docx into a PDF
#   - poppler-utils: pdftotext (the PDF's text layer) and pdftoppm (page images)
#   - fonts-noto-cjk: Chinese faces, so the PDF has text, not boxes (the GB2312 faces fall back to them)
# The e2e setup (scripts/e2e-setup.sh) installs Chromium and fonts-wqy-microhei for the web-page test.
set -euo pipefail

source "$(dirname "$0")/apt-need.sh"
apt_need office-setup --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk
echo "office-setup: $(soffice --version 2>/dev/null | head -1); $(pdftotext -v 2>&1 | head -1)"
