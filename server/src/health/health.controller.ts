import { Controller, Get, Res } from '@nestjs/common';
import { HealthSchema, type Health } from '@app/contracts';
import type { FastifyReply } from 'fastify';
import { Contract, Public } from '../common/route-metadata';
import { Db } from '../database/db';

@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Get()
  @Public()
  @Contract({ summary: 'Liveness with a database round trip: 200 ok, 503 when the database does not answer', response: HealthSchema })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok' };
    } catch {
      void reply.status(503);
      return { status: 'unavailable' };
    }
  }
}
