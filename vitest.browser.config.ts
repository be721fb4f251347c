import { defineConfig } from 'vitest/config';

// Browser tests: the built task pane served on 127.0.0.1, driven by playwright-core and
// Debian's Chromium (see test/browser/harness.ts). Run after `npm run build`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
