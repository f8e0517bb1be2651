import { defineConfig } from 'vitest/config'

/**
 * Two projects (issue 8, test time): pure and domain tests run in worker
 * threads, which start fast and share one module cache per worker; tests that
 * run the bot against the HTTP stand-in, spawn processes or hold servers run in
 * forks, isolated as a real process would be.
 */
const BOT_TESTS = [
  'test/telegram/**/*.test.ts',
  'test/sandbox/**/*.test.ts',
  'test/cli/**/*.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: BOT_TESTS,
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'bot',
          include: BOT_TESTS,
          pool: 'forks',
        },
      },
    ],
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
})
