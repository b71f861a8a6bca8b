import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

// Anything that can run SQL: the pool, or a transaction's manager.
export interface Executor {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

// Raw, parameterised SQL through TypeORM's pool. Hot paths read rows without entity hydration
// (security-and-performance.md §5.2); writes that must be atomic take a transaction manager.
@Injectable()
export class Db implements Executor {
  constructor(readonly dataSource: DataSource) {}

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.dataSource.query(sql, params) as Promise<T>;
  }

  async one<T>(sql: string, params: unknown[] = [], executor: Executor = this): Promise<T | undefined> {
    const rows = await executor.query<T[]>(sql, params);
    return rows[0];
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
