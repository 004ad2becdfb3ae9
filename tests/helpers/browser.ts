/**
 * The built extension in Debian's Chromium, with pages served on *.gov.cn hosts mapped to this
 * machine. Used by the end-to-end tests and by the browser benchmark, so both run the product
 * exactly as a user's browser would.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const root = new URL('../../', import.meta.url).pathname;
export const EXTENSION_DIR = join(root, '.output/chrome-mv3');
/**
 * Where the end-to-end tests save screenshots: .output/screenshots, so a test run never
 * rewrites tracked files; `npm run screenshots` sets GRC_SCREENSHOTS=docs/screenshots for the README's.
 */
export const SCREENSHOTS = process.env.GRC_SCREENSHOTS ? join(root, process.env.GRC_SCREENSHOTS) : join(root, '.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves `pages` (path → HTML) on 127.0.0.1; every *.gov.cn host resolves there. */
export async function serveGovCn(pages: Record<string, () => string>): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? '').split('?')[0]];
    if (!page) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (the background). */
  worker: Worker;
  extensionId: string;
}

/**
 * Debian's Chromium with exactly these unpacked extension folders, Chinese locale (or
 * `locale`), gov.cn hosts on this machine. Ours need not be among them: the browser benchmark
 * measures its baseline extension alone.
 */
export async function launchWithExtensions(dirs: string[], locale = 'zh-CN'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'grc-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale,
    args: [
      '--no-sandbox',
      `--lang=${locale}`,
      `--disable-extensions-except=${dirs.join(',')}`,
      `--load-extension=${dirs.join(',')}`,
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
    ],
  });
}

/** Chromium with the built extension alone, Chinese locale (or `locale`), gov.cn hosts on this machine. */
export async function launchWithExtension(locale = 'zh-CN'): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('build the extension first: npm run build');
  const context = await launchWithExtensions([EXTENSION_DIR], locale);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (!worker.url().endsWith('/background.js')) throw new Error(`unexpected service worker ${worker.url()}`);
  return { context, worker, extensionId: new URL(worker.url()).host };
}
