import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: a time-out is a hang detector, not a speed check (benchmarks measure speed), and a loaded
    // two-core machine can take several times the usual.
    testTimeout: 60_000,
    setupFiles: ['test/setup-articles.ts'],
  },
});
