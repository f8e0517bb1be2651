import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bot tests run a real HTTP stand-in and a real SQLite file each; two cores.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
})
