// Flat ESLint config: typescript-eslint's recommended rules on the whole tree.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.bench-build/**',
      'data/**',
      'node_modules/**',
      'bench/results/**',
      'src/web/static/**',
      'packages/sdk/src/schema.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
);
