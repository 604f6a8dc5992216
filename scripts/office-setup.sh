#!/usr/bin/env bash
# Installs what the export tests with real office software need, from Debian's registry only.
# Idempotent: a second run only checks and returns (well under a second).
#   - libreoffice-writer-nogui: `soffice --headless --convert-to pdf` turns the exported .docx into a PDF
#   - poppler-utils: pdftotext (the PDF's text layer) and pdftoppm (page images)
#   - fonts-noto-cjk: Chinese faces, so the PDF has text, not boxes (the GB2312 faces fall back to them)
# The e2e setup (scripts/e2e-setup.sh) installs Chromium and fonts-wqy-microhei for the web-page test.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
need=()
for p in libreoffice-writer-nogui poppler-utils fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "office-setup: apt-get install ${need[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "office-setup: $(soffice --version 2>/dev/null | head -1); $(pdftotext -v 2>&1 | head -1)"
