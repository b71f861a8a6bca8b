import { act } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';

// XMLHttpRequest as an upload with progress sees it (lib/upload.ts): the test drives progress and
// the answer. Install with installFakeXhr() in beforeEach, restore with the returned function.
export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return 'application/json';
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.instances.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

export const installFakeXhr = (): (() => void) => {
  const real = global.XMLHttpRequest;
  FakeXhr.instances = [];
  global.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return () => {
    global.XMLHttpRequest = real;
  };
};

// The test environment's FormData is Node's (see jsdom-env.cjs), which takes only Node's files.
export const pdfFile = (content: string, name: string, type = 'application/pdf'): File => new NodeFile([content], name, { type }) as unknown as File;
