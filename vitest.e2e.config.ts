import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium, driven by Playwright.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
