// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Import boundaries from STYLE.md §3: the rules are the product, Telegram is one door. */
const noGrammyInDomain = {
  paths: [{ name: 'grammy', message: 'Domain code never imports grammY: speak through ports.' }],
  patterns: [
    { group: ['grammy/*', '@grammyjs/*'], message: 'Domain code never imports grammY.' },
    { group: ['**/telegram/**'], message: 'Domain code never imports the Telegram layer.' },
  ],
}
const noDbInTelegram = {
  patterns: [
    {
      group: ['**/db/**', 'kysely', 'better-sqlite3'],
      message: 'Telegram code never writes SQL: call the domain.',
    },
  ],
}
const frozenMigrations = {
  patterns: [
    {
      group: ['../src/**', '**/src/**'],
      message: 'Migrations are frozen in time: no app imports.',
    },
  ],
}

/**
 * Translations escape their string arguments for HTML themselves (src/telegram/i18n.ts): an
 * escapeHtml(...) handed to one as an argument escapes twice («&amp;amp;»). Pass the text as it
 * is, or html(...) for a fragment that is already HTML.
 */
const TRANSLATE_CALL =
  'CallExpression:matches([callee.name=/^(t|translate)$/], [callee.property.name=/^(t|translate)$/])'
const noEscapeInTranslationArgs = [
  'error',
  ...[
    `${TRANSLATE_CALL} > ObjectExpression > Property > CallExpression.value[callee.name='escapeHtml']`,
    `${TRANSLATE_CALL} > ObjectExpression > Property > ConditionalExpression.value > CallExpression[callee.name='escapeHtml']`,
  ].map((selector) => ({
    selector,
    message:
      'Translations escape their arguments for HTML: pass the text as it is (or html(...) for a fragment that is already HTML).',
  })),
]

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': noEscapeInTranslationArgs,
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noGrammyInDomain] },
  },
  {
    files: ['src/telegram/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noDbInTelegram] },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', frozenMigrations] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // vitest's expect().rejects and fixtures trip these without adding safety in tests.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
