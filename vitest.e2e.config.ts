import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium against the built server; they run one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
