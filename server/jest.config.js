const swcTs = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true },
  transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } }];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTs, '^.+\\.m?js$': swcJs },
  // Nest 12 is ESM-only and jest cannot require(esm) on Node 20: transpile @nestjs/* to CJS.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@fastify/cookie|@fastify/static|file-type|content-disposition|cookie|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
  moduleNameMapper: { '^@app/contracts$': '<rootDir>/../contracts/src/index.ts' },
};
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
