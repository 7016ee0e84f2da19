#!/usr/bin/env bash
# Packaging check: what a user gets from `npm install bridgefit` works, as ESM and as CJS, with
# types, and with the `bridgefit` command. Run after `npm run build` (.ci/run does).
#
#   1. npm pack into a temp dir; the tarball holds the built entry points and nothing stray
#   2. publint --strict on the tarball (package.json fields, exports, files)
#   3. attw (Are the Types Wrong?) on the tarball, profile "strict": types resolve for every
#      resolution mode a consumer may use (node10, node16 from CJS and from ESM, bundler)
#   4. npm install the tarball into a scratch project (its dependencies from the registry), then
#      `import { parseScenario } from 'bridgefit'` (ESM) and `require('bridgefit')` (CJS) each
#      run a tiny forecast, and `node_modules/.bin/bridgefit --help` exits 0
#
# The browser check (no Node built-in reachable from src/index.ts) is a vitest test,
# test/report/browser-bundle.test.ts, so it runs with `npm test` and needs no build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for f in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/cli.js; do
  [[ -f $f ]] || { echo "check-package: $f is missing: run \`npm run build\` first" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/bridgefit-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== npm pack =="
name=$(npm pack --silent --pack-destination "$work" | tail -n 1)
tarball="$work/$name"
[[ -f $tarball ]] || { echo "check-package: npm pack did not produce $tarball" >&2; exit 1; }
contents=$(tar -tzf "$tarball")
echo "$name: $(echo "$contents" | wc -l | tr -d ' ') files, $(du -k "$tarball" | cut -f1) kB"
for f in package/package.json package/README.md package/dist/index.js package/dist/index.cjs package/dist/index.d.ts package/dist/index.d.cts package/dist/cli.js; do
  grep -qx "$f" <<<"$contents" || { echo "check-package: $f is not in the tarball" >&2; exit 1; }
done
if stray=$(grep -Ev '^package/(package\.json|README\.md|LICENSE|dist/.*)$' <<<"$contents"); then
  echo "check-package: unexpected files in the tarball:" >&2
  echo "$stray" >&2
  exit 1
fi

echo "== publint (strict) =="
npx --no-install publint run "$tarball" --strict

echo "== attw (profile strict: node10, node16 CJS/ESM, bundler) =="
npx --no-install attw "$tarball" --profile strict --format table --no-color

echo "== install the tarball into a scratch project =="
consumer="$work/consumer"
mkdir -p "$consumer"
cd "$consumer"
printf '{ "name": "bridgefit-consumer", "version": "0.0.0", "private": true }\n' > package.json
npm install --no-audit --no-fund --no-package-lock --loglevel=error "$tarball"

# A tiny scenario checked by hand: £1,000 opening cash on 1 Jan 2026, one £1,500 outflow on
# 10 Jan, horizon to 31 Jan. Closing cash on 10 Jan is 100000 − 150000 = −50000 pence, and the
# one gap runs 10–31 Jan (22 days) with a peak shortfall of 50000 pence below the £0 buffer.
scenario='{
  "enterprise": { "id": "se", "name": "Tiny CIC", "legalForm": "cic", "openingCash": "1000.00",
                  "openingCashDate": "2026-01-01", "minimumCashBuffer": "0.00", "currency": "GBP" },
  "commissioners": [], "contracts": [],
  "cashLines": [{ "id": "rent", "description": "rent", "direction": "outflow", "amount": "1500.00",
                  "schedule": { "kind": "one-off", "date": "2026-01-10" } }],
  "horizon": { "end": "2026-01-31" }
}'
check='
  const forecast = forecastCash(parseScenario(JSON.parse(process.env.SCENARIO)));
  const gaps = findGaps(forecast);
  const got = [forecast.closing.length, forecast.closing[9], gaps.length, gaps[0].start, gaps[0].end, gaps[0].days, gaps[0].peakShortfall].join(" ");
  const want = "31 -50000 1 2026-01-10 2026-01-31 22 50000";
  if (got !== want) { console.error("got  " + got + "\nwant " + want); process.exit(1); }
  if (typeof cashCurveSpec(forecast).$schema !== "string") { console.error("cashCurveSpec gave no spec"); process.exit(1); }
'

echo "== ESM: import { parseScenario } from 'bridgefit' =="
SCENARIO=$scenario node --input-type=module -e "
  import { parseScenario, forecastCash, findGaps, cashCurveSpec } from 'bridgefit';
  $check
  console.log('ESM import ok: ' + forecast.closing.length + ' days, gap ' + gaps[0].start + ' to ' + gaps[0].end);
"

echo "== CJS: require('bridgefit') =="
SCENARIO=$scenario node -e "
  const { parseScenario, forecastCash, findGaps, cashCurveSpec } = require('bridgefit');
  $check
  console.log('CJS require ok: ' + forecast.closing.length + ' days, gap ' + gaps[0].start + ' to ' + gaps[0].end);
"

echo "== bin: bridgefit --help =="
./node_modules/.bin/bridgefit --help > "$work/help.txt"
head -n 1 "$work/help.txt"
if [[ -f $root/examples/children-services.json ]]; then
  ./node_modules/.bin/bridgefit gaps "$root/examples/children-services.json" > /dev/null
  echo "bridgefit gaps examples/children-services.json: exit 0"
fi

echo "check-package: all checks passed"
