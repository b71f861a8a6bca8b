import type { DataSource } from 'typeorm';
import { Db } from './db';

// A data source whose transactions just run their work (no database): the change log only.
const fakeDataSource = { transaction: (work: (manager: { query: () => Promise<unknown> }) => Promise<unknown>) => work({ query: async () => [] }) } as unknown as DataSource;

describe('Db change log', () => {
  it('records each ended transaction with its scope, and answers what changed since a generation', async () => {
    const db = new Db(fakeDataSource);
    expect(db.changesSince(0)).toEqual([]);
    await db.transaction(async () => undefined, { caseId: 'a' });
    await db.transaction(async () => undefined);
    await expect(db.transaction(async () => Promise.reject(new Error('rolled back')), { caseId: 'b' })).rejects.toThrow('rolled back');
    expect(db.changeGeneration).toBe(3);
    expect(db.changesSince(0)).toEqual([{ generation: 1, caseId: 'a' }, { generation: 2, caseId: null }, { generation: 3, caseId: 'b' }]);
    expect(db.changesSince(2)).toEqual([{ generation: 3, caseId: 'b' }]);
    expect(db.changesSince(3)).toEqual([]);
  });

  it('does not move for read-only transactions', async () => {
    const db = new Db(fakeDataSource);
    await db.readTransaction(async () => undefined);
    expect(db.changeGeneration).toBe(0);
  });

  it('forgets the oldest changes: a cache older than the log must treat everything as changed', async () => {
    const db = new Db(fakeDataSource);
    for (let i = 0; i < 1100; i += 1) await db.transaction(async () => undefined, { caseId: `c${i}` });
    expect(db.changesSince(0)).toBeUndefined();
    expect(db.changesSince(1098)).toEqual([{ generation: 1099, caseId: 'c1098' }, { generation: 1100, caseId: 'c1099' }]);
    expect(db.changesSince(1100 - 1024)).toHaveLength(1024);
    expect(db.changesSince(1100 - 1025)).toBeUndefined();
  });
});
