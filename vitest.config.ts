import { defineConfig } from 'vitest/config';

// Unit tests run in Node (no DOM, no WebGL); browser behaviour is proven by Playwright in tests/e2e.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
