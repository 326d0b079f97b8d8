// Lint: the layout's rules held by the tool rather than a reviewer (DESIGN.md "Layout",
// STYLE.md). Formatting is Prettier's (prettier.config.js); eslint-config-prettier
// turns off the rules that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/ui/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** import-x's no-restricted-paths zones: `target` may not import from `from`. */
const zones = [
  { target: './src/ui', from: './src/server', message: 'The UI talks to the server through GraphQL only.' },
  { target: './src/ui', from: './src/cli' },
  { target: './src/server', from: './src/ui', message: 'The server never imports the UI.' },
  { target: './src/server', from: './src/cli' },
  { target: './src/cli', from: './src/ui', message: 'The CLI never imports the UI.' },
  { target: './src/shared', from: './src', except: ['./shared'], message: 'src/shared is pure rules: it imports nothing of the project.' },
  // In the UI: components and lib -> features -> app, and no feature imports another.
  {
    target: ['./src/ui/components', './src/ui/lib'],
    from: ['./src/ui/features', './src/ui/app'],
    message: 'Shared UI pieces cannot depend on features or the app.',
  },
  { target: './src/ui/features', from: './src/ui/app', message: 'Features cannot import the app shell.' },
  ...features.map((feature) => ({
    target: `./src/ui/features/${feature}`,
    from: './src/ui/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: move what both need to components/ or lib/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'src/server/generated/**', 'src/ui/gql/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // import() in a type is how Vitest's vi.mock types the original module.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // The Store contract is asynchronous (a PostgreSQL store must fit it); SQLite's
      // methods answer at once, so many async functions have nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests and the bench read the real server's JSON answers; typing every answer
    // would copy the schema, and the assertions check the shape anyway.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A hint for the React Compiler, which this app does not use (react-hook-form's watch()).
      'react-hooks/incompatible-library': 'off',
      // React ignores what an event handler returns; the handlers catch their own failures.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Plain JavaScript (this file, bin/): no type information to lint with.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
