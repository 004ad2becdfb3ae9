#!/usr/bin/env node
// The package's bin. The engine is TypeScript run by Node 22's type stripping; on an older
// system Node, re-run with the Node 22 the project installs (the npm package `node`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  let node;
  try {
    node = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    process.stderr.write('gov-report-check 需要 Node 22 或更新版本 (requires Node >= 22); run `npm install` first.\n');
    process.exit(2);
  }
  const r = spawnSync(node, [new URL(import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
