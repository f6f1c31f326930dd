import { defineConfig } from 'vitest/config';

// Browser tests: one Chromium per test file, files one after another (each launches its own browser, and
// parallel headless browsers only make timing noisier). `npm run test:e2e` builds the extension first.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Tests that run the engine in Node beside the page (the training gallery) need the article facts too.
    setupFiles: ['test/setup-articles.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
