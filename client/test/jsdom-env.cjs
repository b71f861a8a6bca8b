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
    const JsdomFormData = this.global.FormData;
    for (const key of NODE_GLOBALS) this.global[key] = globalThis[key];
    // React 19 builds `new FormData(form, submitter)` when a form is submitted while a transition
    // is pending in the same event (its form-action bookkeeping), as browsers allow. Node's
    // FormData takes no form, so the fields are read through jsdom's and copied over.
    const NodeFormData = globalThis.FormData;
    this.global.FormData = class FormDataFromForm extends NodeFormData {
      constructor(form, submitter) {
        super();
        if (form === undefined || form === null) return;
        for (const [name, value] of new JsdomFormData(form, submitter ?? undefined)) this.append(name, typeof value === 'string' ? value : String(value.name ?? ''));
      }
    };
  }
};
