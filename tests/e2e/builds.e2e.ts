/**
 * The packages a user installs: Chrome (MV3) and Firefox (MV2) builds and their store zips,
 * with the least permissions that work and the icons.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/browser.ts';

const output = join(root, '.output');
const wxt = join(root, 'node_modules/.bin/wxt');
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(output, dir, 'manifest.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * A store build, as a release would make it. Vitest sets NODE_ENV=test, which would make the
 * build use the development JSX runtime (bigger, and holding this machine's file paths).
 */
const zipFor = (...args: string[]) => execFileSync(wxt, ['zip', ...args], { cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });

/** The built scripts hold no path of the machine that built them. */
function noLocalPaths(dir: string) {
  const scripts = readdirSync(join(output, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThanOrEqual(4);
  for (const f of scripts) expect(readFileSync(join(output, dir, f), 'utf8'), f).not.toContain(root);
}

/** The zip holds these files (names stand uncompressed in a zip's directory). */
function zipHolds(zip: string, names: string[]) {
  const bytes = readFileSync(zip).toString('latin1');
  for (const name of names) expect(bytes, `${zip} holds ${name}`).toContain(name);
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
const GOV_CN = '*://*.gov.cn/*';

describe('store packages', () => {
  it('Chrome: MV3 zip, gov.cn the only host, the detector the only declared content script', () => {
    zipFor();
    const zip = join(output, `gov-report-check-${version}-chrome.zip`);
    expect(existsSync(zip)).toBe(true);
    zipHolds(zip, ['manifest.json', 'detector.js', 'look.js', 'content-scripts/checker.js', 'background.js', 'popup.html', 'icon/128.png', '_locales/zh_CN/messages.json', '_locales/en/messages.json']);
    const m = manifestOf('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.permissions.sort()).toEqual(['clipboardWrite', 'scripting', 'storage']);
    expect(m.host_permissions).toEqual([GOV_CN]);
    expect(m.content_scripts).toEqual([{ matches: [GOV_CN], js: ['detector.js'], all_frames: true, run_at: 'document_idle' }]);
    expect(m.icons).toEqual(ICONS);
    expect(m.action.default_title).toBe('__MSG_extName__');
    expect(m.web_accessible_resources).toBeUndefined();
    noLocalPaths('chrome-mv3');
  });

  it('Firefox: MV2 zip and sources zip, same permissions, a gecko id', () => {
    zipFor('-b', 'firefox');
    zipHolds(join(output, `gov-report-check-${version}-firefox.zip`), ['manifest.json', 'detector.js', 'content-scripts/checker.js', 'icon/48.png']);
    zipHolds(join(output, `gov-report-check-${version}-sources.zip`), ['package.json', 'utils/report/analyze.ts']);
    const m = manifestOf('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect(m.permissions.sort()).toEqual([GOV_CN, 'clipboardWrite', 'scripting', 'storage']);
    expect(m.content_scripts).toEqual([{ matches: [GOV_CN], js: ['detector.js'], all_frames: true, run_at: 'document_idle' }]);
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.icons).toEqual(ICONS);
    expect(m.browser_action.default_popup).toBe('popup.html');
    noLocalPaths('firefox-mv2');
  });
});
