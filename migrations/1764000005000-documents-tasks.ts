import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentsTasks1764000005000 implements MigrationInterface {
  name = 'DocumentsTasks1764000005000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
