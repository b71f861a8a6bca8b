import { romeDay } from '@app/contracts';

// The SPA's clock: the server's, not the browser's. Every API response carries the server's time
// (X-App-Now: real time in production, the chosen TEST_NOW in demos and tests); the offset from
// the browser's clock at receipt is kept, so "now" and "today" agree with the rules the server
// applies even when the browser's clock is wrong or the app runs at another date.
export const APP_NOW_HEADER = 'X-App-Now';

let offsetMs = 0;

// Learns the offset from a response's X-App-Now header; an absent or unreadable one is ignored.
export const syncClock = (header: string | null | undefined, receivedAt: number = Date.now()): void => {
  if (!header) return;
  const serverNow = Date.parse(header);
  if (Number.isNaN(serverNow)) return;
  offsetMs = serverNow - receivedAt;
};

// For tests: back to the browser's clock.
export const resetClock = (): void => {
  offsetMs = 0;
};

export const appNow = (): Date => new Date(Date.now() + offsetMs);

// Today as a calendar day in Italy (YYYY-MM-DD): what "today" means for every rule.
export const appToday = (): string => romeDay(appNow());
