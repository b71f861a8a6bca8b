// ESM config: client/package.json has "type": "module".
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

export default {
  testEnvironment: '<rootDir>/test/jsdom-env.cjs',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // The tests render the whole lazy route tree and type like a user into long forms: allow for a
  // loaded two-core machine.
  testTimeout: 60000,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@app/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.css$': 'identity-obj-proxy',
  },
};
