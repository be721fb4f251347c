// Lint: typescript-eslint's type-checked rules, plus the architecture's arrows
// (../shared/design/architecture.md): which room of src/ may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ROOMS = ['core', 'import', 'export', 'sheets', 'excel', 'xlsx', 'store', 'taskpane', 'cli'];
const MAY_IMPORT = {
  core: [],
  import: ['core'],
  export: ['core'],
  sheets: ['core'],
  excel: ['core', 'sheets'],
  xlsx: ['core', 'sheets'],
  store: ['core'],
  taskpane: ['core', 'import', 'export', 'sheets', 'excel', 'xlsx', 'store'],
  cli: ['core', 'import', 'export', 'sheets', 'xlsx', 'store'],
};
/** Packages that belong to one room only. */
const PACKAGES_OF = {
  excel: [],
  xlsx: ['exceljs'],
  store: ['dexie', 'dexie-react-hooks', 'fake-indexeddb'],
  taskpane: ['react', 'react-dom', '@fluentui/*', '@tanstack/*'],
};

function boundaryFor(room) {
  const forbiddenRooms = ROOMS.filter((r) => r !== room && !MAY_IMPORT[room].includes(r));
  const forbiddenPackages = Object.entries(PACKAGES_OF)
    .filter(([owner]) => owner !== room && !(room === 'taskpane'))
    .flatMap(([, pkgs]) => pkgs);
  const patterns = [];
  if (forbiddenRooms.length) {
    patterns.push({
      group: forbiddenRooms.map((r) => `**/${r}/**`),
      message: `src/${room}/ may import only ${MAY_IMPORT[room].join(', ') || 'itself'} (architecture.md).`,
    });
  }
  if (forbiddenPackages.length) {
    patterns.push({ group: forbiddenPackages, message: `That package belongs to another room of src/.` });
  }
  if (room === 'core') {
    patterns.push({ group: ['node:*', 'fs', 'path'], message: 'core/ is pure: no Node, DOM or I/O.' });
  }
  const rules = { 'no-restricted-imports': ['error', { patterns }] };
  if (room !== 'excel') {
    rules['no-restricted-globals'] = [
      'error',
      { name: 'Excel', message: 'Only src/excel/ touches the Excel API.' },
      { name: 'Office', message: 'Only src/excel/ touches the Office API.' },
    ];
  }
  return { files: [`src/${room}/**/*.{ts,tsx}`], rules };
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'out/**', 'node_modules/**', 'coverage/**', '*.config.js', '*.config.ts', 'bin/**', 'scripts/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...ROOMS.map(boundaryFor),
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
