import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/**
 * Two projects per engine (issue 8, test time): pure and domain tests run in
 * worker threads, which start fast and share one module cache per worker;
 * tests that run the bot against the HTTP stand-in, spawn processes or hold
 * servers run in forks, isolated as a real process would be.
 *
 * §11: the domain and bot suites run again on PostgreSQL (`pg-unit`, `pg-bot`)
 * when LOA_TEST_PG_URL names a server (.ci/run starts one); without it they are
 * skipped, and the run says so.
 */
const BOT_TESTS = [
  'test/telegram/**/*.test.ts',
  'test/sandbox/**/*.test.ts',
  'test/cli/**/*.test.ts',
]

/** Pure tests under test/telegram/ (no bot, no server): threads, like the domain's. */
const PURE_TELEGRAM_TESTS = [
  'test/telegram/callback-data/**/*.test.ts',
  'test/telegram/i18n.test.ts',
  'test/telegram/reply-parts.test.ts',
  'test/telegram/shorten.test.ts',
]

/** Tests about the SQLite file itself: its path, its restart after kill -9, its backup. */
const SQLITE_ONLY = [
  'test/db/migrator.test.ts',
  'test/telegram/crash.test.ts',
  'test/telegram/lifecycle.test.ts',
  'test/telegram/two-instances.test.ts',
]

const pgUrl = process.env.LOA_TEST_PG_URL
const pgEnv = { LOA_TEST_DIALECT: 'postgres' }

const pgProjects: TestProjectInlineConfiguration[] =
  pgUrl === undefined || pgUrl === ''
    ? []
    : [
        {
          extends: true,
          test: {
            name: 'pg-unit',
            include: ['test/domain/**/*.test.ts', 'test/db/**/*.test.ts'],
            exclude: SQLITE_ONLY,
            pool: 'threads',
            env: pgEnv,
          },
        },
        {
          extends: true,
          test: {
            name: 'pg-bot',
            include: ['test/telegram/**/*.test.ts', 'test/pg/**/*.test.ts'],
            exclude: SQLITE_ONLY,
            pool: 'forks',
            env: pgEnv,
            // Seeding 200–400 units row by row over a socket takes longer than on a local file.
            testTimeout: 90_000,
            hookTimeout: 90_000,
          },
        },
      ]

if (pgProjects.length === 0 && !process.argv.includes('bench'))
  console.warn(
    'PostgreSQL suite skipped: set LOA_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5433/postgres) to run the domain and bot tests on PostgreSQL too',
  )

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on this 2-core machine. Bot
    // tests wait on HTTP and polls as much as they compute, so two keep both cores busy.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globalSetup: ['test/support/pg-global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', ...PURE_TELEGRAM_TESTS],
          exclude: [
            ...BOT_TESTS.filter((glob) => glob !== 'test/telegram/**/*.test.ts'),
            'test/telegram/!(callback-data)/**/*.test.ts',
            'test/telegram/!(i18n|reply-parts|shorten).test.ts',
            'test/pg/**',
          ],
          pool: 'threads',
          // These tests mock no module and stub no global: one module cache per worker is
          // safe, and saves importing kysely, zod and the domain again for every file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'bot',
          include: BOT_TESTS,
          exclude: PURE_TELEGRAM_TESTS,
          pool: 'forks',
        },
      },
      ...pgProjects,
    ],
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
})
