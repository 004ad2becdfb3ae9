/** The install as a user runs it: `npm ci` on any machine accepts the committed lockfile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { platformOf } from '../../scripts/lockfile-platforms.mjs';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));

describe('package-lock.json', () => {
  it('lists every optional platform package of every locked package (npm ci refuses a lockfile missing one)', () => {
    const packages: Record<string, { optionalDependencies?: Record<string, string> }> = lock.packages;
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        // npm resolves a dependency in the nearest node_modules up from the package.
        const candidates = [];
        for (let dir = path; ; ) {
          candidates.push(`${dir ? dir + '/' : ''}node_modules/${name}`);
          if (!dir) break;
          const i = dir.lastIndexOf('/node_modules/');
          dir = i < 0 ? '' : dir.slice(0, i);
        }
        if (!candidates.some((c) => packages[c])) missing.push(`${name} (for ${path})`);
      }
    }
    expect(missing).toEqual([]);
    // The ones a Mac and Windows need for the build (rollup's native binary) are there.
    expect(Object.keys(packages)).toEqual(expect.arrayContaining(['node_modules/@rollup/rollup-darwin-arm64', 'node_modules/@rollup/rollup-win32-x64-msvc']));
  });

  it('names the platform of a native package from its name', () => {
    expect(platformOf('@rollup/rollup-linux-arm-musleabihf')).toEqual({ os: 'linux', cpu: 'arm', libc: 'musl' });
    expect(platformOf('@rollup/rollup-linux-x64-gnu')).toEqual({ os: 'linux', cpu: 'x64', libc: 'glibc' });
    expect(platformOf('@rollup/rollup-win32-ia32-msvc')).toEqual({ os: 'win32', cpu: 'ia32', libc: undefined });
    expect(platformOf('@esbuild/darwin-arm64')).toEqual({ os: 'darwin', cpu: 'arm64', libc: undefined });
    expect(platformOf('fsevents')).toBeNull();
  });
});

describe('package.json scripts', () => {
  it('run in any shell (Windows cmd too): no POSIX-only constructs', () => {
    const scripts: Record<string, string> = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;
    const posixOnly = Object.entries(scripts).filter(([, cmd]) => /\btest\s|\$\?|;|\brm\s|\bcp\s|\bexport\s|\|\||2>|\/dev\/null/.test(cmd));
    expect(posixOnly).toEqual([]);
    expect(scripts.quickstart).toBe('npm run build && npm run sample');
  });
});
