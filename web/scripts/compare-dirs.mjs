// Compare two folders file by file: the names and the bytes. Prints each difference.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function files(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

export function compareDirs(expected, actual) {
  const a = files(expected);
  const b = files(actual);
  const problems = [];
  for (const f of a) if (!b.includes(f)) problems.push(`only in ${expected}: ${f}`);
  for (const f of b) if (!a.includes(f)) problems.push(`only in ${actual}: ${f}`);
  for (const f of a) {
    if (b.includes(f) && !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) {
      problems.push(`differs: ${f}`);
    }
  }
  return problems;
}
