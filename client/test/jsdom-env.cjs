// jsdom lacks what react-router 7 data routers need (TextEncoder at import, Request on
// navigation). Node's AbortController is copied too: undici's Request rejects jsdom's signal.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'AbortController',
  'AbortSignal',
  'structuredClone',
];

module.exports = class JsdomWithNodeGlobals extends TestEnvironment {
  constructor(...args) {
    super(...args);
    for (const key of NODE_GLOBALS) this.global[key] = globalThis[key];
  }
};
