import { romeDay } from '@app/contracts';

// Time for sessions, lockouts, deadlines and every "today" comes from here, never from `new Date()`
// or SQL's now(): the database reads the same clock through app_now() / app_today(), which add
// `databaseOffsetMs` (set on every connection, database/data-source.ts) to the server's time.
//
// Outside production the clock can start at a chosen instant (TEST_NOW, config/env.ts): the app
// and the demo seed then live on that day, and time runs on from it.
export class Clock {
  private offsetMs: number;

  constructor(private readonly startOffsetMs = 0) {
    this.offsetMs = startOffsetMs;
  }

  // A clock that reads `instant` now and runs on from it (the real time when undefined).
  static startingAt(instant: Date | undefined, realNow: number = Date.now()): Clock {
    return new Clock(instant ? instant.getTime() - realNow : 0);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  // The calendar day in Italy (YYYY-MM-DD): "today" for every rule.
  today(): string {
    return romeDay(this.now());
  }

  // What the database adds to its own time (fixed at start-up; see advance()).
  get databaseOffsetMs(): number {
    return this.startOffsetMs;
  }

  // Tests only: moves the server's clock, not the database's (app_now() keeps the start offset),
  // for rules the server computes (sessions, lockouts, task plans, dashboards).
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = this.startOffsetMs;
  }
}
