/**
 * Supply-chain check (run by CI: `npx tsx scripts/check-dependencies.ts`):
 * - package.json `dependencies` are exactly the runtime dependencies the design names
 *   (zod, decimal.js, date-fns) — anything more must be argued for in an issue and added here;
 * - package-lock.json exists, is committed, and records the same dependency ranges;
 * - the installed tree matches the lock (`npm ls --omit=dev --all` exits 0).
 * Exits 1 with one line per problem.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ALLOWED_RUNTIME = ['date-fns', 'decimal.js', 'zod'];
const root = fileURLToPath(new URL('..', import.meta.url));
const problems: string[] = [];

type Manifest = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; bundleDependencies?: unknown; bundledDependencies?: unknown };
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Manifest;
const deps = Object.keys(pkg.dependencies ?? {}).sort();
if (JSON.stringify(deps) !== JSON.stringify(ALLOWED_RUNTIME)) {
  problems.push(`package.json dependencies must be exactly ${ALLOWED_RUNTIME.join(', ')}; got ${deps.join(', ') || 'none'}`);
}
for (const field of ['optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'] as const) {
  const value = pkg[field];
  if (value !== undefined && (Array.isArray(value) ? value.length > 0 : Object.keys(value as object).length > 0)) problems.push(`package.json ${field} must be empty (runtime code may depend only on ${ALLOWED_RUNTIME.join(', ')})`);
}

const lockPath = `${root}package-lock.json`;
if (!existsSync(lockPath)) {
  problems.push('package-lock.json is missing: commit it so installs are reproducible');
} else {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { lockfileVersion?: number; packages?: Record<string, { dependencies?: Record<string, string> }> };
  if ((lock.lockfileVersion ?? 0) < 2) problems.push(`package-lock.json lockfileVersion ${lock.lockfileVersion} is too old (need 2 or 3)`);
  const locked = lock.packages?.['']?.dependencies ?? {};
  for (const name of new Set([...deps, ...Object.keys(locked)])) {
    if (locked[name] !== pkg.dependencies?.[name]) problems.push(`package-lock.json is out of sync for ${name}: lock has ${locked[name] ?? 'nothing'}, package.json has ${pkg.dependencies?.[name] ?? 'nothing'} (run npm install and commit the lock)`);
  }
  try {
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { cwd: root, stdio: 'pipe' });
    void tracked;
  } catch {
    problems.push('package-lock.json is not committed (git ls-files does not list it)');
  }
}

try {
  execFileSync('npm', ['ls', '--omit=dev', '--all'], { cwd: root, stdio: 'pipe' });
} catch (error) {
  const out = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
  problems.push(`npm ls --omit=dev --all failed: the installed tree does not match package.json / the lock\n${out.trim().split('\n').slice(-10).join('\n')}`);
}

if (problems.length > 0) {
  console.error(`check-dependencies: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`check-dependencies: runtime dependencies are exactly ${ALLOWED_RUNTIME.join(', ')}; package-lock.json committed and in sync; npm ls --omit=dev --all is clean`);
