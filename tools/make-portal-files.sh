#!/usr/bin/env bash
# Builds the portal files of the sample archive (index-data/archive/ba-dinh) and the bad-file fixture that
# needs a tool (an encrypted PDF). Every text is ours (tests/Shared/PortalSamples.cs); nothing comes from ../shared.
# Needs: the .NET SDK, pdftoppm (poppler-utils) for the scan, qpdf for the encrypted PDF; LibreOffice
# (soffice) for the .doc, which is left out when LibreOffice is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

archive=index-data/archive/ba-dinh
fixtures=tests/SearchService.Core.Tests/Archive/Files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$archive" "$fixtures"

run() { dotnet run -c Release --project tools/SampleArchive -- "$@"; }

run files "$archive" "$work"

# The scanned decision: its PDF page rasterised (150 dpi, grey) and put back as an image-only PDF.
pdftoppm -r 150 -gray -png -singlefile "$work/scan-source.pdf" "$work/scan"
run image-pdf "$work/scan.png" 150 "$archive/phuc-xa-2021-quyet-dinh-125.pdf"

# A Word 97-2003 file, written by LibreOffice from a DOCX.
if command -v soffice >/dev/null 2>&1; then
  run doc-source "$work/quan-2006-phong-chay-chua-chay.docx"
  soffice --headless --convert-to doc --outdir "$work" "$work/quan-2006-phong-chay-chua-chay.docx" >/dev/null
  cp "$work/quan-2006-phong-chay-chua-chay.doc" "$archive/"
else
  echo "soffice not found: no .doc sample made" >&2
fi

# A password-protected PDF (user password "matkhau") for the bad-file tests.
qpdf --encrypt matkhau chu-so-huu 256 -- "$archive/truc-bach-2018-trat-tu-do-thi.pdf" "$fixtures/encrypted.pdf"

ls -l "$archive" "$fixtures"
