import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1764000003000 implements MigrationInterface {
  name = 'Reports1764000003000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
