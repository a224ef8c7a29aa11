import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

// The client's house (README, "Architecture"): a feature may use core/, ui/ and src/shared, never
// another feature; core/ and ui/ never use a feature or the app shell. (Import cycles anywhere
// in src/ are refused by `madge --circular` in `npm run check`.)
const FEATURES = ['kiosk', 'staff', 'scripts', 'admin', 'enroll'];
const notAnotherFeature = (feature) => ({
  files: [`src/client/features/${feature}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: FEATURES.filter((other) => other !== feature).flatMap((other) => [
              `../${other}/*`,
              `**/features/${other}/*`,
            ]),
            message: 'A feature does not use another feature: move what both need to core/ or ui/.',
          },
          { group: ['**/app/*'], message: 'Features do not use the app shell.' },
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'coverage',
      'tests/e2e/screenshots',
      'tests/bench/results',
      // Written by `npm run localize:build` from xliff/.
      'src/client/core/locale/generated',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/client/**/*.ts', 'tests/browser/**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
    },
  },
  ...FEATURES.map(notAnotherFeature),
  {
    files: ['src/client/core/**/*.ts', 'src/client/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/*', '**/features/**', '**/app/*'],
              message: 'core/ and ui/ are shared: they never use a feature or the app shell.',
            },
          ],
        },
      ],
    },
  },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'warn',
    },
  },
);
