import { defineConfig } from 'vitest/config';

// The hostile-input suite (test/hostile): each case runs the real CLI as a child process under a
// memory cap, so it has a config of its own, run by `npm test` after the unit tests.
export default defineConfig({
  test: {
    globalSetup: ['test/build-cli.setup.ts'],
    include: ['test/hostile/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
