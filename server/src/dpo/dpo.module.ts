import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DenialAuditInterceptor } from './denial-audit.interceptor';
import { DpoController } from './dpo.controller';
import { DpoService } from './dpo.service';

// The DPO's oversight views, and the interceptor that audits every refused attempt the route wall
// does not already record.
@Module({ controllers: [DpoController], providers: [DpoService, { provide: APP_INTERCEPTOR, useClass: DenialAuditInterceptor }] })
export class DpoModule {}
