#!/usr/bin/env node
// The package's bin. The engine is TypeScript; Node 22 runs it directly (type stripping).
//
// Start-up: stripping the types of the engine's ~30 modules costs about 0.25 s of CPU on every
// run, far more than checking a report. So the bin keeps one compiled bundle of the command
// line in node_modules/.cache/gov-report-check/ (esbuild, a dev dependency) and runs that while
// no source file changed since; when one did, or the bundle cannot be built or written, it runs
// the TypeScript directly as before. GRC_NO_BUNDLE=1 always runs the TypeScript.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  // An older system Node: re-run with the Node 22 the project installs (the npm package `node`).
  let node;
  try {
    node = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    process.stderr.write('gov-report-check 需要 Node 22 或更新版本 (requires Node >= 22); run `npm install` first.\n');
    process.exit(2);
  }
  const r = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Two bundles side by side: the command line, and the worker its pool runs (cli/pool.ts finds
// worker.mjs beside cli.mjs).
const entries = { cli: join(root, 'cli', 'main.ts'), worker: join(root, 'cli', 'worker.ts') };
const cacheDir = join(root, 'node_modules', '.cache', 'gov-report-check');
const bundlePath = join(cacheDir, 'cli.mjs');
const manifestPath = join(cacheDir, 'inputs.json');

/** Size and time of each file the bundle was built from: the bundle is fresh while they match. */
const stamp = (file) => {
  const s = statSync(join(root, file));
  return `${s.size}:${s.mtimeMs}`;
};

function isFresh() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.node !== process.version) return false;
    statSync(join(cacheDir, 'worker.mjs'));
    return Object.entries(manifest.inputs).every(([file, s]) => stamp(file) === s);
  } catch {
    return false;
  }
}

async function build() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: entries,
    outdir: cacheDir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${major}`,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  // Every input outside node_modules, and the lockfile for the packages bundled in.
  const files = [...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules')), 'package-lock.json'];
  const inputs = Object.fromEntries(files.map((f) => [f, stamp(f)]));
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: two runs building at once never leave half a file.
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  writeFileSync(`${manifestPath}.${process.pid}.tmp`, JSON.stringify({ node: process.version, inputs }));
  renameSync(`${manifestPath}.${process.pid}.tmp`, manifestPath);
}

async function loadMain() {
  if (!process.env.GRC_NO_BUNDLE) {
    try {
      if (!isFresh()) await build();
      return (await import(pathToFileURL(bundlePath).href)).main;
    } catch {
      // No esbuild, a read-only install, a failed build: the TypeScript runs as it is.
    }
  }
  return (await import('./main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
