#!/usr/bin/env bash
# Re-takes the report screenshots the README shows, from a run of the whole workbook on the sample.
# Needs Debian's chromium and imagemagick (apt-get install chromium imagemagick). Usage: bash docs/screenshots.sh [run-folder]
set -euo pipefail
cd "$(dirname "$0")/.."
run=${1:-out}
[ -f "$run/report.html" ] || dotnet run --project lib/ModelTree.Workbook -- run --out "$run"
shots=$(mktemp -d)
shoot() { # name, heading id ("" for the first screen)
    local page="$shots/$1.html"
    local js="window.addEventListener('load',()=>{const e=document.getElementById('$2');if(!e)return;const m=document.getElementById('top');m.style.marginTop=(m.getBoundingClientRect().top-e.getBoundingClientRect().top+20)+'px';});"
    sed "s#</body>#<script>$js</script></body>#" "$run/report.html" > "$page"
    # --proxy-server to nowhere: the report must draw with no network at all.
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --proxy-server=127.0.0.1:9 --window-size=1400,900 \
        --virtual-time-budget=10000 --screenshot="$shots/$1.png" "file://$(realpath "$page")" 2>/dev/null
    convert "$shots/$1.png" -resize 1100x -colors 96 docs/images/report-$1.png
}
shoot first ""
shoot chart nb1-growth-over-time
shoot table nb0-a-few-rows
rm -rf "$shots"
ls -la docs/images
