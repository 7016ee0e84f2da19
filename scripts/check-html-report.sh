#!/usr/bin/env bash
# Opens the example HTML report in headless Debian Chromium, with the network blocked, and checks
# that the charts and every section are there; takes docs/report-screenshot.png.
#
#   scripts/check-html-report.sh            # from the repository root (CI runs it as root)
#   CHROMIUM=/path/to/chrome SCREENSHOT=out.png scripts/check-html-report.sh
#
# Installs Debian's chromium with apt-get when no Chromium is found (needs root; about 1.5 minutes
# on our machines). Exits non-zero with a message saying what failed.
set -euo pipefail

cd "$(dirname "$0")/.."
SCREENSHOT="${SCREENSHOT:-docs/report-screenshot.png}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "check-html-report: FAIL: $*" >&2; exit 1; }
now() { date +%s; }
step_start=$(now)
step() { local t; t=$(now); echo "check-html-report: $1 ($((t - step_start)) s)"; step_start=$t; }

# 1. Chromium.
CHROME="${CHROMIUM:-}"
if [ -z "$CHROME" ]; then CHROME="$(command -v chromium || command -v chromium-browser || true)"; fi
if [ -z "$CHROME" ]; then
  [ "$(id -u)" = 0 ] || fail "no chromium found and not root: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM"
  echo "check-html-report: installing chromium with apt-get…"
  apt-get update -qq >"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; fail "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >>"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; fail "apt-get install chromium failed"; }
  CHROME="$(command -v chromium)" || fail "chromium installed but not on PATH"
  step "installed $("$CHROME" --version 2>/dev/null | head -1)"
else
  step "using $("$CHROME" --version 2>/dev/null | head -1)"
fi

# 2. Build and write the example report.
npm run build --silent >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; fail "npm run build failed"; }
step "built"
REPORT="$WORK/report.html"
node dist/cli.js report examples/children-services.json --catalogue examples/catalogue.json --out "$REPORT" || fail "bridgefit report failed"
[ -s "$REPORT" ] || fail "bridgefit report wrote nothing"
step "wrote the example report ($(wc -c <"$REPORT") bytes)"

# 3. The file itself references nothing outside it.
if grep -Eqi '<script|<(link|img|iframe|object|embed)\b|\s(src|href|xlink:href)=|url\(|@import' "$REPORT"; then
  grep -Eoi '.{0,40}(<script|<(link|img|iframe|object|embed)\b|\s(src|href|xlink:href)=|url\(|@import).{0,40}' "$REPORT" | head -5 >&2
  fail "the report has a script or an external reference"
fi

# 4. Open it with every network path blocked: a proxy on a closed port and no DNS. The page must
#    still render its charts, and its NetLog must show no request but Chromium's own (update,
#    accounts and time checks, all blocked too).
chrome() {
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' \
    --user-data-dir="$(mktemp -d -p "$WORK")" "$@" 2>>"$WORK/chromium.log"
}
chrome --log-net-log="$WORK/net.json" --dump-dom "file://$REPORT" >"$WORK/dom.html" || { tail -20 "$WORK/chromium.log" >&2; fail "chromium --dump-dom failed"; }
step "chromium dumped the DOM ($(wc -c <"$WORK/dom.html") bytes)"

node - "$WORK/dom.html" "$WORK/net.json" <<'EOF' || fail "the rendered page is missing something (see above)"
const fs = require('node:fs');
const [dom, netlog] = process.argv.slice(2).map((f) => fs.readFileSync(f, 'utf8'));
const problems = [];
const svgs = (dom.match(/<svg[\s>]/g) || []).length;
if (svgs < 3) problems.push(`expected at least 3 <svg> charts, found ${svgs}`);
const withRole = (dom.match(/<svg[^>]*role="img"/g) || []).length;
if (withRole !== svgs) problems.push(`${svgs - withRole} chart(s) without role="img"`);
const headings = ['The enterprise', 'Cash forecast and gaps', 'Sized facilities', 'Matching investors’ products', 'Stress tests', 'The commissioner’s view'];
for (const h of headings) if (!new RegExp(`<h2[^>]*>${h}</h2>`).test(dom)) problems.push(`missing section heading "${h}"`);
if (/<script/i.test(dom)) problems.push('the DOM has a <script>');
// Requests in the NetLog that are not the file itself or Chromium's own services.
const own = /^https?:\/\/([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|~notfound)(\/|:|$)/i;
const urls = new Set();
for (const m of netlog.matchAll(/"url":"([^"]+)"/g)) urls.add(m[1]);
const foreign = [...urls].filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !own.test(u));
if (foreign.length) problems.push(`the page requested ${foreign.length} URL(s): ${foreign.slice(0, 5).join(', ')}`);
const internal = [...urls].filter((u) => own.test(u)).length;
if (problems.length) {
  for (const p of problems) console.error(`check-html-report: ${p}`);
  process.exit(1);
}
console.log(`check-html-report: OK: ${svgs} SVG charts, all ${headings.length} section headings, no scripts; no request from the page (${internal} Chromium-internal request(s), all blocked)`);
EOF

# 5. Screenshot for the docs.
mkdir -p "$(dirname "$SCREENSHOT")"
chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$SCREENSHOT" "file://$REPORT" >/dev/null || { tail -20 "$WORK/chromium.log" >&2; fail "chromium --screenshot failed"; }
[ -s "$SCREENSHOT" ] || fail "no screenshot written"
step "screenshot $SCREENSHOT ($(wc -c <"$SCREENSHOT") bytes)"
