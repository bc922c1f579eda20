#!/usr/bin/env bash
# README's test command: installs what the tests need when it is missing, then runs every test
# (`dotnet test MouWorkspace.sln`) and ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif need sudo; then sudo "$@"; else echo "need root to run: $*" >&2; return 1; fi; }

# System programs the tests use, from Debian's packages (installed once).
missing=()
need node || missing+=(nodejs)
need npm || missing+=(npm)
# LibreOffice (opens exports, converts test inputs), poppler (pdftotext), pandoc: the Word-document tests use them.
need soffice || missing+=(libreoffice-writer-nogui)
need pdftotext || missing+=(poppler-utils)
need pandoc || missing+=(pandoc)
# python-docx writes some of the foreign .docx inputs (Debian's, for the system Python the tests call).
/usr/bin/python3 -c "import docx" >/dev/null 2>&1 || missing+=(python3-docx)
# Debian's Chromium, driven by Playwright in the browser tests.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)  # the .xlsx exports are opened by LibreOffice in the tests
# The PDF room papers' fonts (Documents/Pdf/PdfFonts.cs): Noto Serif and Naskh Arabic, and Noto CJK for Simplified Chinese.
[ -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  as_root apt-get update -o DPkg::Lock::Timeout=600 >/dev/null
  as_root apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

# The pinned Azurite, once per clone (the test fixtures would do it too, but here its progress shows).
if [ ! -f azurite/node_modules/.package-lock.json ]; then
  echo "== npm ci in azurite/ (first run only, about a minute)"
  (cd azurite && npm ci --no-audit --no-fund) || exit 1
fi

# axe-core for the browser tests' accessibility scans.
if [ ! -f tests/MouWorkspace.Browser.Tests/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tests/MouWorkspace.Browser.Tests/axe && npm ci --no-audit --no-fund) || exit 1
fi

results="${TEST_RESULTS:-$(pwd)/TestResults}"
rm -rf "$results"
echo "== dotnet build"
dotnet build MouWorkspace.sln -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# Two passes over the same solution: everything in parallel, then the multi-process cluster tests (silos killed,
# storage stopped, the Aspire AppHost) on their own, so that their timings are not taken on a machine that the
# other test assemblies keep busy.
echo "== dotnet test MouWorkspace.sln"
dotnet test MouWorkspace.sln --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --filter "Category!=Cluster" "$@"
status=$?
echo "== dotnet test MouWorkspace.sln (cluster and fault tests)"
dotnet test MouWorkspace.sln --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --filter "Category=Cluster" "$@" || status=1

# VSTest's own summary is per assembly; add up the .trx files for one line.
python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}ResultSummary/{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); skipped += int(c.get("notExecuted", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
if failed == 0 and sys.argv[2] != "0":
    failed = 1  # the run failed without a failing test (a crash, a build error): never report green
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
