import { defineConfig } from 'vitest/config';

// Timeouts are hang guards, not timing assertions: the suite runs on shared, busy 2-core machines,
// where a child process that takes 1 s alone can take 10 s.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
