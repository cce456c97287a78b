#!/usr/bin/env bash
# Installs the system packages the test suite needs on a Debian/Ubuntu machine: Chromium for the
# end-to-end tests (Playwright drives /usr/bin/chromium; it never downloads a browser),
# poppler-utils for reading generated PDFs, LibreOffice Writer (headless) for rendering the
# report's Word file to PDF as a reader would see it, and the fonts metric-compatible with those
# the report names (Liberation Sans for Arial, in the Word file and the printed PDF; Carlito for
# Calibri, the workbook's), so that both renderings break lines and pages as Word and Excel do.
# Safe to run again; needs root or sudo when something is missing. Set CHROMIUM_PATH to use
# another Chromium and skip the install.
set -euo pipefail

need=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
has_font() { command -v fc-list >/dev/null 2>&1 && fc-list "$1" family | grep -q .; }
has_font 'Liberation Sans' || need+=(fonts-liberation)
has_font 'Carlito' || need+=(fonts-crosextra-carlito)

if [ ${#need[@]} -eq 0 ]; then
  echo "setup-machine: semua paket sistem sudah terpasang"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-machine: apt-get tidak ada; pasang sendiri: ${need[*]}" >&2
  exit 1
fi
echo "setup-machine: memasang ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
