import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Browser tests share one built site; run files one at a time on this 2-core machine.
    fileParallelism: true,
    pool: 'forks',
  },
})
