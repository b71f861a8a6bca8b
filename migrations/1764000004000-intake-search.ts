import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeSearch1764000004000 implements MigrationInterface {
  name = 'IntakeSearch1764000004000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
