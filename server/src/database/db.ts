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

// Raw, parameterised SQL through TypeORM's pool. Hot paths read rows without entity hydration
// (security-and-performance.md §5.2); writes that must be atomic run in one transaction.
@Injectable()
export class Db implements Executor {
  // Moves after every committed transaction (every change of record runs in one): lets a cache of
  // derived figures (the unit-wide dashboard) know that what it read may have changed.
  private changes = 0;

  constructor(readonly dataSource: DataSource) {}

  get changeGeneration(): number {
    return this.changes;
  }

  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return rowsOf<T>(await this.dataSource.query(sql, params));
  }

  async one<T>(sql: string, params: unknown[] = [], executor: Executor = this): Promise<T | undefined> {
    const rows = await executor.query<T[]>(sql, params);
    return rows[0];
  }

  async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    // Moved once the transaction has ended: a result read before (or during) it is stale from then.
    try {
      return await this.dataSource.transaction((manager) => work(executorOf(manager)));
    } finally {
      this.changes += 1;
    }
  }
}
