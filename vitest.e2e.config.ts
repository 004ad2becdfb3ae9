import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium, driven by Playwright.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // What the tests wait for (a badge, a mark, a library entry) comes from another process
    // (the extension's worker, IndexedDB): on a loaded machine it can take longer than
    // expect.poll's default second. A wait, not a speed bound: a poll passes as soon as it holds.
    expect: { poll: { timeout: 5_000 } },
  },
});
