/**
 * npm run icons: draws the toolbar and store icons (public/icon/{16,32,48,128}.png) from one
 * SVG, rendered by Chromium so that every size is drawn, not scaled from a bitmap. WXT finds
 * them there and lists them in the manifest. Run again after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const SIZES = [16, 32, 48, 128];

/** A report's table (header row, a column of labels) with a check mark: "the table adds up". */
const svg = (size: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#b3261e"/>
  <rect x="22" y="26" width="84" height="76" rx="6" fill="#fff"/>
  <rect x="22" y="26" width="84" height="18" rx="6" fill="#f3c5c2"/>
  <g stroke="#b3261e" stroke-width="${size < 32 ? 6 : 4}" fill="none">
    <line x1="50" y1="44" x2="50" y2="102"/><line x1="22" y1="64" x2="106" y2="64"/><line x1="22" y1="83" x2="106" y2="83"/>
  </g>
  <path d="M58 84 l14 14 l30 -34" stroke="#188038" stroke-width="${size < 32 ? 16 : 12}" stroke-linecap="round" stroke-linejoin="round" fill="none"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(root, `public/icon/${size}.png`), png);
  }
} finally {
  await browser.close();
}
