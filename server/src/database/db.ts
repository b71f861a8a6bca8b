import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

// Anything that can run SQL: the pool, or a transaction.
export interface Executor {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

// TypeORM's raw query() answers UPDATE and DELETE with [rows, rowCount] and everything else with
// rows; callers always get rows.
function rowsOf<T>(result: unknown): T {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T;
  }
  return result as T;
}

// A transaction is one connection, which runs one statement at a time: statements issued together
// (Promise.all on a transaction) are queued here, in order, rather than inside pg (which warns, and
// pg 9 refuses).
export const executorOf = (manager: Pick<EntityManager, 'query'>): Executor => {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query: <T>(sql: string, params: unknown[] = []): Promise<T> => {
      const run = last.then(() => manager.query(sql, params));
      last = run.catch(() => undefined);
      return run.then((result) => rowsOf<T>(result));
    },
  };
};

// What a committed transaction may have changed, for caches of derived figures: one case
// (`caseId`: the transaction wrote that case's own records only, never who may see it), or
// anything (null).
export interface Change {
  generation: number;
  caseId: string | null;
}

// How many recent changes are remembered; a cache older than that treats everything as changed.
const CHANGE_LOG_SIZE = 1024;

// Raw, parameterised SQL through TypeORM's pool. Hot paths read rows without entity hydration
// (security-and-performance.md §5.2); writes that must be atomic run in one transaction.
@Injectable()
export class Db implements Executor {
  // Moves after every committed transaction that may have written (every change of record runs
  // in one): lets a cache of derived figures (the dashboards, ADR 0008) know that what it read
  // may have changed, and what.
  private changes = 0;
  private readonly log: Change[] = [];

  constructor(readonly dataSource: DataSource) {}

  get changeGeneration(): number {
    return this.changes;
  }

  // The changes after `generation`, oldest first; undefined when they are no longer all known.
  changesSince(generation: number): Change[] | undefined {
    if (generation === this.changes) return [];
    const first = this.log[0];
    if (!first || first.generation > generation + 1) return undefined;
    return this.log.slice(generation + 1 - first.generation);
  }

  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return rowsOf<T>(await this.dataSource.query(sql, params));
  }

  async one<T>(sql: string, params: unknown[] = [], executor: Executor = this): Promise<T | undefined> {
    const rows = await executor.query<T[]>(sql, params);
    return rows[0];
  }

  // `scope.caseId`: the caller vouches that the transaction writes only that case's own records
  // (its row, history, tasks, tracing requests, audit), never grants or a minor shared with
  // other cases; a cache of figures about other cases then stays valid.
  async transaction<T>(work: (tx: Executor) => Promise<T>, scope: { caseId?: string } = {}): Promise<T> {
    // Recorded once the transaction has ended: a result read before (or during) it is stale from then.
    try {
      return await this.dataSource.transaction((manager) => work(executorOf(manager)));
    } finally {
      this.changes += 1;
      this.log.push({ generation: this.changes, caseId: scope.caseId ?? null });
      if (this.log.length > CHANGE_LOG_SIZE) this.log.splice(0, this.log.length - CHANGE_LOG_SIZE);
    }
  }

  // A transaction that cannot write (PostgreSQL refuses: READ ONLY): for reads that need
  // transaction-local settings. It changes nothing a cache could depend on.
  readTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const tx = executorOf(manager);
      await tx.query('SET TRANSACTION READ ONLY');
      return work(tx);
    });
  }
}
