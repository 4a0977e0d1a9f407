import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Libraries that must stay pure: no IO, no framework, no clock.
const ioPackages = [
  '@nestjs/*', 'bullmq', 'ioredis', 'pg', '@electric-sql/*', '@kurrent/*',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'child_process', 'node:child_process', 'commander', 'cli-progress',
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/web/.dist-*/**', 'data/**', 'tmp/**', '.nx/**', 'bin/**', 'scripts/**', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', {
        enforceBuildableLibDependency: false,
        // The reliability suite (tests/) drives the api in-process through its test kit.
        allow: ['@planledger/api/testing'],
        depConstraints: [
          { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioPackages },
          { sourceTag: 'type:definition', onlyDependOnLibsWithTags: ['type:domain', 'type:definition'], bannedExternalImports: ioPackages },
          { sourceTag: 'type:simulation', onlyDependOnLibsWithTags: ['type:domain', 'type:definition'], bannedExternalImports: ioPackages },
          { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:application'] },
          { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:definition', 'type:adapter'], bannedExternalImports: ['@nestjs/*', 'bullmq', 'ioredis', 'pg', '@electric-sql/*', 'express'] },
          { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:domain', 'type:definition', 'type:adapter', 'type:application', 'type:runtime'] },
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:definition', 'type:simulation', 'type:adapter', 'type:application', 'type:runtime'] },
          // The web app talks to the service over HTTP only: it imports no library of the workspace.
          { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
          { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:domain', 'type:definition', 'type:simulation', 'type:adapter', 'type:application', 'type:runtime', 'type:app'] },
          { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
          { sourceTag: 'scope:infra', onlyDependOnLibsWithTags: ['scope:core', 'scope:infra'] },
        ],
      }],
    },
  },
  {
    // Deterministic code: the clock is passed in, never read.
    files: ['libs/domain/src/**/*.ts', 'libs/plan-definition/src/**/*.ts', 'libs/calendar/src/**/*.ts', 'libs/simulation/src/**/*.ts', 'libs/notifications/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code must not read the clock: take `now` from the command or caller.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code must not read the clock: take `now` from the command or caller.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: 'Domain code must not read the clock: take `now` from the command or caller.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Domain code must be deterministic: no Math.random.' },
      ],
    },
  },
  {
    // Command and query handlers take their data (and a CommandContext) and answer with a result: requests,
    // headers and HTTP errors are the controllers' business (http/command-answer.ts maps results to responses).
    files: [
      'apps/api/src/**/*.handler.ts', 'apps/api/src/**/*.handlers.ts', 'apps/api/src/**/*.commands.ts', 'apps/api/src/**/*.command.ts', 'apps/api/src/**/*.queries.ts',
      'apps/api/src/commands/**/*.ts', 'apps/api/src/plans/prepare-in-range.ts', 'apps/api/src/plans/preparation/**/*.ts',
      'apps/api/src/assignments/known-department.ts', 'apps/api/src/audit/plan-as-of.reader.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/http', '**/http/*', 'express', '../actor/*', '../routes/route.decorators'], message: 'A handler sees no request: take a CommandContext, return a CommandResult (QueryResult), and let the controller answer over HTTP.' }],
        paths: [{ name: '@nestjs/common', importNames: ['HttpException', 'BadRequestException', 'NotFoundException', 'ConflictException', 'Req', 'Headers', 'Res'], message: 'A handler answers with a CommandResult (QueryResult), not an HTTP exception or the request.' }],
      }],
    },
  },
];
