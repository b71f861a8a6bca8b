import type { z } from 'zod';
import { ApiError, apiUrl, errorFromResponse } from './api-client';
import { APP_NOW_HEADER, syncClock } from './clock';

export type UploadProgress = { loaded: number; total: number };

type UploadOptions = {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

const abortError = (): DOMException => new DOMException('The upload was cancelled', 'AbortError');

// A multipart upload with progress events: fetch cannot report upload progress, XMLHttpRequest
// can. Everything else is as in api-client: the CSRF header, the same-origin session cookie, the
// same error shape (ApiError with the server's code), the same handling of an expired session.
export const uploadWithProgress = <T>(path: string, body: FormData, schema: z.ZodType<T>, options: UploadOptions = {}): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const { onProgress, signal } = options;
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('Accept', 'application/json');
    // The server rejects non-GET requests without it (CSRF). The session cookie goes with the
    // request (same origin); the browser sets the multipart Content-Type with its boundary.
    xhr.setRequestHeader('X-Requested-With', 'fetch');

    const onAbortSignal = () => xhr.abort();
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    const cleanUp = () => signal?.removeEventListener('abort', onAbortSignal);

    xhr.upload.onprogress = (event: ProgressEvent) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      cleanUp();
      syncClock(xhr.getResponseHeader(APP_NOW_HEADER));
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        let json: unknown;
        try {
          json = text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          json = undefined;
        }
        const parsed = schema.safeParse(json);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError('INVALID_RESPONSE', xhr.status, 'The server answered with an unexpected shape'));
        return;
      }
      const status = xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 502;
      const response = new Response(text || null, { status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' } });
      void errorFromResponse(path, response).then(reject, reject);
    };
    xhr.onerror = () => {
      cleanUp();
      reject(new ApiError('NETWORK_ERROR', 0, 'The server could not be reached'));
    };
    xhr.onabort = () => {
      cleanUp();
      reject(abortError());
    };
    xhr.send(body);
  });
