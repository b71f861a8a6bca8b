import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Db } from '../database/db';
import { casesToSweep, recomputeTasks } from './task-recompute';

const HOUR = 3_600_000;
const FIRST_RUN_DELAY = 60_000;
// The first sweep after a start looks back this far for case-file changes made without a
// transition (consents, risk checks, tracing outcomes, dates of birth).
const FIRST_LOOKBACK = 24 * HOUR;

// Transitions recompute a case's tasks in their own transaction. Two things change tasks without
// a transition: the calendar (the 18th-birthday alerts) and case-file writes (a recorded consent
// completes a deadline). An hourly sweep catches both for the cases concerned, one short
// transaction per case with the case row locked (so it serialises with transitions). It is
// idempotent, so several replicas sweeping at once only repeat work. Not started in tests, which
// call sweep() themselves.
@Injectable()
export class TaskSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private lastSweep: Date | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    this.lastSweep = new Date(this.clock.now().getTime() - FIRST_LOOKBACK);
    this.timer = setTimeout(() => void this.tick(), FIRST_RUN_DELAY);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.error(`Task sweep failed: ${String(error)}`);
    }
    if (this.timer) {
      this.timer = setTimeout(() => void this.tick(), HOUR);
      this.timer.unref();
    }
  }

  // Recomputes the tasks of every case that may need it; `all` ignores the last sweep's time.
  async sweep(options: { all?: boolean } = {}): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const now = this.clock.now();
      const ids = await casesToSweep(this.db, options.all ? null : this.lastSweep, now);
      for (const id of ids) {
        await this.db.transaction(async (tx) => {
          await tx.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [id]);
          await recomputeTasks(tx, id, now);
        });
      }
      this.lastSweep = now;
      return ids.length;
    } finally {
      this.running = false;
    }
  }
}
