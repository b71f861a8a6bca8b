import { addDays, addRomeDays, addYears } from '@app/contracts';
import { Clock } from '../../src/common/clock';

// One timeline for a test run (docs/testing.md "Dates"): global setup fixes the run's instant
// (TEST_NOW, or the real time when the run starts) and the real time it stands for. The demo seed
// is generated as of that instant; every test app's clock, its database's app_now() and the tests'
// own testNow() run on from it together. A test never reads `new Date()` or `Date.now()` for a
// date the app will judge: under TEST_NOW those are years away from the app's "now".
const origin = () => {
  const instant = process.env.TEST_NOW;
  const real = process.env.TEST_CLOCK_ORIGIN;
  if (!instant || !real) throw new Error('TEST_NOW / TEST_CLOCK_ORIGIN are not set: run through jest (global setup)');
  return { instant: Date.parse(instant), real: Number(real) };
};

// A new clock on the run's timeline (each app gets its own, so advance() stays per app).
export function runClock(): Clock {
  const { instant, real } = origin();
  return Clock.startingAt(new Date(instant), real);
}

// The run's "now": what an app's clock reads unless a test advanced it.
export function testNow(): Date {
  const { instant, real } = origin();
  return new Date(instant + (Date.now() - real));
}

// The run's calendar day in Italy.
export const testToday = (): string => runClock().today();

// A date of birth on which a minor turns 18 `days` after `today` (as PostgreSQL's
// date_of_birth + interval '18 years' counts it; a 29 February 18th birthday has no such date and
// falls on the 28th).
export const dateOfBirthTurning18In = (today: string, days: number): string => addYears(addDays(today, days), -18);

// Moves an app's clock `days` calendar days on in Italy, at the same wall time: what "N days later"
// means to every rule (N × 24 hours lands on another day near midnight across a clock change).
export function advanceDays(clock: Clock, days: number): void {
  const now = clock.now();
  clock.advance(addRomeDays(now, days).getTime() - now.getTime());
}
