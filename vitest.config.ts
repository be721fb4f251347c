import { defineConfig } from 'vitest/config';

// Unit tests run in Node; a test that needs a DOM says so with `// @vitest-environment jsdom`.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/build-cli.setup.ts'],
  },
});
