#!/usr/bin/env node
// `npm run test:dates`: the date-sensitive suites at instants where date code breaks (docs/testing.md
// "Dates"). Each instant is one jest run of the server with TEST_NOW set: the demo unit is seeded as
// of that instant and every app under test starts its clock there (and its database's app_now()).
// With TEST_NOW already set, that instant only. Exit status 0 only if every run passed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = join(dirname(fileURLToPath(import.meta.url)), '..');

// Why each instant is here (Europe/Rome is UTC+1 in winter, UTC+2 from the last Sunday of March
// to the last Sunday of October).
export const INSTANTS = [
  ['2028-02-29T12:00:00Z', 'a 29 February: +1 year, +18 years and month arithmetic clamp to 28 February'],
  ['2027-02-28T23:30:00Z', 'UTC says 28 February, Rome is already 1 March'],
  ['2026-12-31T23:59:00Z', 'UTC says 31 December, Rome is already in the new year'],
  ['2027-08-31T00:30:00Z', 'a 31st: +6 months is 29 February (2028), +1 month is 30 September'],
  ['2027-01-31T12:00:00Z', '31 January: +1 month is 28 February'],
  ['2027-03-28T01:30:00Z', 'just after the spring change (03:30 CEST): a day of 23 hours'],
  ['2027-10-31T00:30:00Z', 'inside the repeated hour of the autumn change (02:30 CEST): a day of 25 hours'],
  ['2027-03-27T23:30:00Z', 'UTC says Saturday, Rome is already Sunday: working days are counted in Italy'],
  ['2027-06-30T22:30:00Z', 'summer midnight: UTC says 30 June, Rome is 1 July'],
  ['2027-10-20T22:30:00Z', 'summer midnight before the autumn change: N × 24 hours later is the day before in Rome'],
];

// The suites that read the calendar: the demo seed's coverage and its guards, deadlines and task
// plans, turning 18 and prosieguo, monitoring schedules, sessions and lockouts, court access.
export const SUITES = [
  'src/common/calendar.spec.ts',
  'src/config/env.spec.ts',
  'src/tasks/task-plan.spec.ts',
  'src/workflow/case-transition.policy.spec.ts',
  'test/integration/dates.int-spec.ts',
  'test/integration/return-seed.int-spec.ts',
  'test/integration/cases.int-spec.ts',
  'test/integration/tasks.int-spec.ts',
  'test/integration/dashboard.int-spec.ts',
  'test/integration/auth.int-spec.ts',
  'test/integration/portals.int-spec.ts',
  'test/integration/return.int-spec.ts',
  'test/integration/return-field.int-spec.ts',
  'test/integration/workflow.int-spec.ts',
  'test/integration/stats.int-spec.ts',
];

const chosen = process.env.TEST_NOW ? [[process.env.TEST_NOW, 'TEST_NOW']] : INSTANTS;
const failed = [];
for (const [instant, why] of chosen) {
  console.log(`\n=== TEST_NOW=${instant}: ${why}`);
  const run = spawnSync('npx', ['jest', ...SUITES], { cwd: server, stdio: 'inherit', env: { ...process.env, TEST_NOW: instant } });
  if (run.status !== 0) failed.push(instant);
}
console.log(`\ntest:dates: ${chosen.length - failed.length} of ${chosen.length} instant(s) passed`);
if (failed.length) {
  console.log(`Failed at: ${failed.join(', ')}\nReplay one with: TEST_NOW=<instant> npm run test:dates`);
  process.exit(1);
}
