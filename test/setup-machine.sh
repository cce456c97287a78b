#!/usr/bin/env bash
# Installs the system packages the test suite needs on a Debian/Ubuntu machine: Chromium for the
# end-to-end tests (Playwright drives /usr/bin/chromium; it never downloads a browser),
# poppler-utils for reading generated PDFs, and LibreOffice Writer (headless) for rendering the
# report's Word file to PDF as a reader would see it. Safe to run again; needs root or sudo when
# something is missing. Set CHROMIUM_PATH to use another Chromium and skip the install.
set -euo pipefail

need=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)

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
