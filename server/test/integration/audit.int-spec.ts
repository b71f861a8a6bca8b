import { verifyAuditChain } from '../../src/audit/audit.service';
import { createTestApp, demoEmail, type TestApp } from '../setup/test-app';

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const cookie = await t.login(demoEmail('supervisor'));
    const cases = (await t.as(cookie).get('/api/cases?limit=5').expect(200)).body.items as { id: string }[];
    for (const item of cases) await t.as(cookie).get(`/api/cases/${item.id}`).expect(200);
    await t.as(cookie).post('/api/auth/logout').expect(204);
  });
  afterAll(() => t.close());

  const tamper = async (sql: string, params: unknown[] = []) => {
    // Simulates an administrator who bypasses the application and its triggers.
    await t.db.transaction(async (tx) => {
      await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
      await tx.query(sql, params);
      await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
    });
  };

  it('records logins, reads and logouts with a verifying chain', async () => {
    const actions = (await t.db.query<{ action: string }[]>(`SELECT action FROM audit_event ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['DEMO_SEEDED', 'LOGIN', 'CASE_VIEWED', 'LOGOUT']));
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBe(actions.length);
    expect(result.firstBrokenSeq).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the triggers', async () => {
    await expect(t.db.query(`UPDATE audit_event SET action = 'X' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it('names the first row whose content was altered', async () => {
    const target = 4;
    await tamper(`UPDATE audit_event SET detail = '{"forged": true}' WHERE seq = $1`, [target]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: target });
  });

  it('names the gap where a row was deleted, even after the content is restored elsewhere', async () => {
    const clone = await createTestApp();
    try {
      const cookie = await clone.login(demoEmail('caseworker'));
      await clone.as(cookie).get('/api/auth/me').expect(200);
      await clone.login(demoEmail('caseworker2'));
      await clone.db.transaction(async (tx) => {
        await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
        await tx.query(`DELETE FROM audit_event WHERE seq = 2`);
        await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
      });
      expect(await verifyAuditChain(clone.db)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    } finally {
      await clone.close();
    }
  });

  it('detects a truncated tail through the chain head', async () => {
    const clone = await createTestApp();
    try {
      await clone.login(demoEmail('caseworker'));
      await clone.login(demoEmail('caseworker'));
      const last = Number((await clone.db.query<{ seq: string }[]>(`SELECT max(seq) AS seq FROM audit_event`))[0]!.seq);
      await clone.db.transaction(async (tx) => {
        await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`);
        await tx.query(`DELETE FROM audit_event WHERE seq = $1`, [last]);
        await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`);
      });
      expect(await verifyAuditChain(clone.db)).toMatchObject({ ok: false, firstBrokenSeq: last });
    } finally {
      await clone.close();
    }
  });

  it('rolls the audit row back with a failed change', async () => {
    const head = async () => Number((await t.db.query<{ seq: string }[]>(`SELECT seq FROM audit_head`))[0]!.seq);
    const before = await head();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO audit_event (seq, at, action, entity_type, prev_hash, row_hash) VALUES (0, app_now(), 'TEST', 'x', '\\x', '\\x')`);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await head()).toBe(before);
  });
});
