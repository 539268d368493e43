import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The sqlite and pdf.js tests are I/O bound; two cores is the machine CI has.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
