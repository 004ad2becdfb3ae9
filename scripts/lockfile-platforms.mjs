#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' native packages (rollup's
 * @rollup/rollup-darwin-arm64, -win32-x64-msvc, …) so that `npm ci` accepts the lockfile on
 * every machine, not only on the one that wrote it.
 *
 * Why: npm puts a package's optional platform binaries in the lockfile only when the registry
 * it talks to serves them. The registry mirror of this project's build machines serves rollup's
 * linux-x64-gnu and linux-arm64-gnu binaries only, so a lockfile written here lacks the other
 * 24, and `npm ci` refuses it ("Missing: @rollup/rollup-darwin-arm64@ from lock file").
 *
 * For each optional dependency that some locked package pins to an exact version and that the
 * lockfile lacks, this adds an entry with that version and the os/cpu/libc its name says
 * (rollup and esbuild name their binaries `<os>-<cpu>[-<libc>]`). npm skips entries for other
 * platforms without fetching them, and on their own platform fetches them by name and version
 * (no `integrity`: npm records it at the first install there).
 *
 * Regenerate the lockfile from scratch (after adding or merging dependencies):
 *   npm run lockfile
 * which writes a new package-lock.json from package.json alone (`npm install
 * --package-lock-only --ignore-scripts` in an empty folder: no node_modules, no old lockfile)
 * and completes it as above. Then check
 * it the way CI uses it: `npm ci` in a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'mips64el', 'ppc64', 'riscv64', 's390x'];

/** `@rollup/rollup-linux-arm-musleabihf` → { os: linux, cpu: arm, libc: musl }; null when the name says no platform. */
export function platformOf(name) {
  const tokens = name.replace(/^@[^/]+\//, '').split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  if (!os || !cpu) return null;
  const rest = tokens.slice(tokens.indexOf(cpu) + 1).join('-');
  const libc = os === 'linux' ? (/musl/.test(rest) ? 'musl' : /gnu/.test(rest) ? 'glibc' : undefined) : undefined;
  return { os, cpu, libc };
}

/** Where npm would look for `name` required from the package at `from` (nearest node_modules up). */
function resolves(packages, from, name) {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? dir + '/' : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

export function completeLockfile(lock) {
  const added = [];
  const packages = lock.packages;
  for (const [path, entry] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      if (resolves(packages, path, name)) continue;
      const platform = platformOf(name);
      if (!platform || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(spec)) {
        process.stderr.write(`skipped ${name}@${spec} (needed by ${path || 'the project'}): no exact version or no platform in its name\n`);
        continue;
      }
      const key = `node_modules/${name}`;
      packages[key] = {
        version: spec,
        cpu: [platform.cpu],
        ...(entry.dev ? { dev: true } : {}),
        ...(platform.libc ? { libc: [platform.libc] } : {}),
        optional: true,
        os: [platform.os],
      };
      added.push(`${name}@${spec}`);
    }
  }
  // npm writes the entries sorted by path; keep the file as npm would write it.
  const [root, ...rest] = Object.entries(packages);
  lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b, 'en'))]);
  return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = new URL('../package-lock.json', import.meta.url);
  if (process.argv.includes('--regenerate')) {
    // From scratch: in an empty folder holding only package.json (and .npmrc), so that neither
    // the old lockfile nor node_modules shape the result (with node_modules present npm drops
    // the integrity fields).
    const scratch = mkdtempSync(join(tmpdir(), 'grc-lock-'));
    for (const name of ['package.json', '.npmrc']) {
      const from = new URL(`../${name}`, import.meta.url);
      if (existsSync(from)) copyFileSync(from, join(scratch, name));
    }
    // The npm that runs this script (npm run sets npm_execpath), else the one on the PATH.
    const npm = process.env.npm_execpath;
    const args = ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'];
    const options = { stdio: 'inherit', cwd: scratch };
    const r = npm ? spawnSync(process.execPath, [npm, ...args], options) : spawnSync('npm', args, { ...options, shell: true });
    if (r.status !== 0) process.exit(r.status ?? 1);
    copyFileSync(join(scratch, 'package-lock.json'), file);
    rmSync(scratch, { recursive: true, force: true });
  }
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const added = completeLockfile(lock);
  writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  process.stdout.write(added.length ? `added ${added.length} platform packages:\n  ${added.join('\n  ')}\n` : 'the lockfile already lists every platform package\n');
}
