import { DataSource } from 'typeorm';
import { appendAudit } from '../audit/audit.service';
import { PasswordService, passwordProblems } from '../auth/password.service';
import { dataSourceOptions, runMigrations } from '../database/data-source';
import { executorOf } from '../database/db';
import { runCli, withDatabase } from './with-database';

// First administrator of a new installation (production never seeds):
//   ADMIN_EMAIL=… ADMIN_PASSWORD=… [ADMIN_NAME=…] [UNIT_NAME=…] npm run user:create-admin
runCli(() =>
  withDatabase(async (url) => {
    const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
    const password = process.env.ADMIN_PASSWORD ?? '';
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('ADMIN_EMAIL: a valid email is required');
    const problems = passwordProblems(password, { email });
    if (problems.length) throw new Error(`ADMIN_PASSWORD: ${problems.map((p) => p.message).join('; ')}`);
    await runMigrations(url);
    const dataSource = new DataSource(dataSourceOptions(url, { max: 1 }));
    await dataSource.initialize();
    try {
      const passwordHash = await new PasswordService().hash(password);
      await dataSource.transaction(async (manager) => {
        const tx = executorOf(manager);
        const unitName = process.env.UNIT_NAME ?? 'OIM Roma – Unità minori stranieri non accompagnati';
        await tx.query(`INSERT INTO organisations (name, type, country, municipality) VALUES ($1, 'IOM_UNIT', 'IT', 'Roma') ON CONFLICT (type, name) DO NOTHING`, [unitName]);
        const unit = await tx.query<{ id: string }[]>(`SELECT id FROM organisations WHERE type = 'IOM_UNIT' AND name = $1`, [unitName]);
        const created = await tx.query<{ id: string }[]>(
          `INSERT INTO users (organisation_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'admin', $4)
           ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
          [unit[0]!.id, email, process.env.ADMIN_NAME ?? 'Amministratore', passwordHash],
        );
        if (!created[0]) throw new Error(`A user with email ${email} already exists`);
        await appendAudit(tx, { action: 'USER_CREATED', entityType: 'user', entityId: created[0].id, detail: { role: 'admin', via: 'cli' } });
      });
      console.log(`Administrator ${email} created.`);
      return 0;
    } finally {
      await dataSource.destroy();
    }
  }),
);
