import { loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 12 });
  });

  it('names the variable at fault', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('starts the clock at TEST_NOW outside production, and refuses it in production', () => {
    expect(loadEnv({ TEST_NOW: '2028-02-29T12:00:00Z' }).TEST_NOW).toEqual(new Date('2028-02-29T12:00:00.000Z'));
    expect(loadEnv({ NODE_ENV: 'test', TEST_NOW: '2027-03-28T03:30:00+02:00' }).TEST_NOW).toEqual(new Date('2027-03-28T01:30:00.000Z'));
    expect(() => loadEnv({ TEST_NOW: '2028-02-30T12:00:00Z' })).toThrow(/TEST_NOW/);
    expect(() => loadEnv({ TEST_NOW: 'tomorrow' })).toThrow(/TEST_NOW/);
    expect(() => loadEnv({ NODE_ENV: 'production', TEST_NOW: '2028-02-29T12:00:00Z' })).toThrow(/TEST_NOW: refused in production/);
    expect(loadEnv({ NODE_ENV: 'production' }).TEST_NOW).toBeUndefined();
  });
});
