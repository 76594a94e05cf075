// Build into a temporary folder and fail when the result differs from the assets committed
// in ../gitstudio/static/dashboard: what the Python package ships must be these sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDirs } from './compare-dirs.mjs';

const shipped = '../gitstudio/static/dashboard';
const out = mkdtempSync(join(tmpdir(), 'gitstudio-dashboard-'));
try {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, BUILD_OUT_DIR: out },
  });
  const problems = compareDirs(shipped, out);
  if (problems.length) {
    console.error(`${shipped} is not what these sources build:`);
    for (const p of problems) console.error('  ' + p);
    console.error('run `npm run build` and commit the result');
    process.exitCode = 1;
  } else {
    console.log(`check: ${shipped} matches the sources`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
