import { Module } from '@nestjs/common';
import { DpoController } from './dpo.controller';
import { DpoService } from './dpo.service';

// The DPO's oversight views (the interceptor that audits refused attempts is global: app.module.ts).
@Module({ controllers: [DpoController], providers: [DpoService] })
export class DpoModule {}
