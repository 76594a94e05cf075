// Regenerate the typed documents into a temporary folder and fail when they differ from
// the committed src/gql: a schema change that breaks a document of the dashboard fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDirs } from './compare-dirs.mjs';

const out = mkdtempSync(join(tmpdir(), 'gitstudio-codegen-'));
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: out + '/' },
  });
  const problems = compareDirs('src/gql', out);
  if (problems.length) {
    console.error('src/gql is not what codegen makes of schema.graphql and the documents:');
    for (const p of problems) console.error('  ' + p);
    console.error('run `npm run codegen` and commit the result');
    process.exitCode = 1;
  } else {
    console.log('codegen:check: src/gql is up to date');
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
