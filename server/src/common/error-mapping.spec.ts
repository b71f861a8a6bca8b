import { NotFoundException } from '@nestjs/common';
import { AppError } from './app-error';
import { mapError } from './error-mapping';

describe('mapError', () => {
  it('maps application codes to their status with details', () => {
    const mapped = mapError(new AppError('PRECONDITION_FAILED', 'stale', { current: 3 }));
    expect(mapped).toEqual({ status: 412, body: { code: 'PRECONDITION_FAILED', message: 'stale', details: { current: 3 } }, unexpected: false });
  });

  it('maps framework errors by status without echoing their message', () => {
    const fastifyError = Object.assign(new Error('Body is too large: /srv/app/x.js'), { statusCode: 413 });
    expect(mapError(fastifyError).body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
    expect(mapError(new NotFoundException()).body.code).toBe('NOT_FOUND');
  });

  it('hides unexpected errors behind a generic 500', () => {
    const mapped = mapError(new Error('relation "cases" does not exist at /srv/app/repo.ts:12'));
    expect(mapped.status).toBe(500);
    expect(JSON.stringify(mapped.body)).not.toMatch(/relation|srv|\.ts/);
    expect(mapped.unexpected).toBe(true);
  });
});
