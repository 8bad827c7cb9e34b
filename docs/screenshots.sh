#!/usr/bin/env bash
# Retakes the README's screenshots (docs/screenshots/*.png) from the demo workspace, with the browser tests' server and
# Debian's chromium (/usr/bin/chromium). Not part of ./test.sh, so that a test run leaves the repository unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/Waymark.Browser.Tests -nologo -v q
WAYMARK_SCREENSHOTS=1 dotnet test tests/Waymark.Browser.Tests --no-build -nologo --filter "FullyQualifiedName~ReadmeScreenshots"
git status --short docs/screenshots
