import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__MSNA_TEST_DB__ as { stop(): Promise<void>; root: string } | undefined;
  if (!handle) return;
  await handle.stop();
  rmSync(handle.root, { recursive: true, force: true });
}
