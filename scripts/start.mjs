// `npm start`: builds the server and the web client when their sources changed since the last
// build (a hash of them is kept in dist/), then runs the server in this very process. So a
// restart with unchanged sources skips the build, and the process that `npm start` started is
// the server itself: a SIGTERM to it stops the server gracefully, and nothing is left behind.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'main.js');
const stamp = join(root, 'dist', '.sources-hash');
/** What the build reads: a change to any of it means building again. */
const INPUTS = [
  'src',
  'web',
  'packages/sdk/src',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
const SKIPPED = new Set(['node_modules', 'dist']);

function* filesOf(path) {
  if (!statSync(path).isDirectory()) return yield path;
  for (const name of readdirSync(path).sort())
    if (!SKIPPED.has(name)) yield* filesOf(join(path, name));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    for (const file of filesOf(path))
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const hash = sourcesHash();
const upToDate =
  existsSync(entry) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
if (!upToDate) {
  console.error('Building the server and the web client (their sources changed)...');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(stamp, `${hash}\n`);
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
