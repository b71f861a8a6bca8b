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

export const executorOf = (manager: Pick<EntityManager, 'query'>): Executor => ({
  query: async <T>(sql: string, params: unknown[] = []) => rowsOf<T>(await manager.query(sql, params)),
});

// Raw, parameterised SQL through TypeORM's pool. Hot paths read rows without entity hydration
// (security-and-performance.md §5.2); writes that must be atomic run in one transaction.
@Injectable()
export class Db implements Executor {
  constructor(readonly dataSource: DataSource) {}

  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return rowsOf<T>(await this.dataSource.query(sql, params));
  }

  async one<T>(sql: string, params: unknown[] = [], executor: Executor = this): Promise<T | undefined> {
    const rows = await executor.query<T[]>(sql, params);
    return rows[0];
  }

  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(executorOf(manager)));
  }
}
