import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TracingPackets1764000002000 implements MigrationInterface {
  name = 'TracingPackets1764000002000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
