import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../audit/audit.service';
import { dataSourceOptions } from '../database/data-source';
import { executorOf } from '../database/db';
import { runCli, withDatabase } from './with-database';

// Exit code 0 when the whole chain verifies, 2 when a row is broken (naming it).
runCli(() =>
  withDatabase(async (url) => {
    const dataSource = new DataSource(dataSourceOptions(url, { max: 1 }));
    await dataSource.initialize();
    try {
      const result = await verifyAuditChain(executorOf(dataSource.manager));
      if (result.ok) {
        console.log(`Audit chain OK: ${result.checked} events verified, head at seq ${result.headSeq}.`);
        return 0;
      }
      console.error(`Audit chain BROKEN at seq ${result.firstBrokenSeq} (${result.checked} events checked, head at seq ${result.headSeq}).`);
      return 2;
    } finally {
      await dataSource.destroy();
    }
  }),
);
