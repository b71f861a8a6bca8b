import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { DenialAuditInterceptor } from './audit/denial-audit.interceptor';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CaseFileModule } from './case-file/case-file.module';
import { CasesModule } from './cases/cases.module';
import { AppErrorFilter } from './common/app-error.filter';
import { Clock } from './common/clock';
import { ValidationInterceptor } from './common/validation.interceptor';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { OpenApiModule } from './openapi/openapi.module';
import { TracingModule } from './tracing/tracing.module';
import { ReportsModule } from './reports/reports.module';
import { MinorsModule } from './minors/minors.module';
import { DocumentsModule } from './documents/documents.module';
import { TasksModule } from './tasks/tasks.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DirectoryModule } from './directory/directory.module';
import { ReturnModule } from './return/return.module';
import { InboxModule } from './inbox/inbox.module';
import { StatsModule } from './stats/stats.module';
import { IntakeRequestsModule } from './intake-requests/intake-requests.module';
import { PortalModule } from './portal/portal.module';
import { DpoModule } from './dpo/dpo.module';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  // The tests' run-wide clock (test/setup/test-clock.ts); otherwise one starting at TEST_NOW or now.
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    // One clock for the server and its database connections: TEST_NOW (outside production) or now.
    const clock = options.clock ?? Clock.startingAt(options.config.TEST_NOW);
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, { clockOffsetMs: clock.databaseOffsetMs })),
        CoreModule.forRoot(options.config, clock),
        AuthModule,
        AdminModule,
        CasesModule,
        CaseFileModule,
        TracingModule,
        ReportsModule,
        MinorsModule,
        DocumentsModule,
        TasksModule,
        DashboardModule,
        DirectoryModule,
        ReturnModule,
        InboxModule,
        StatsModule,
        PortalModule,
        IntakeRequestsModule,
        DpoModule,
        HealthModule,
        OpenApiModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: ValidationInterceptor },
        // Every refused attempt the route wall does not record itself (audit/denial-audit.interceptor.ts).
        { provide: APP_INTERCEPTOR, useClass: DenialAuditInterceptor },
        { provide: APP_FILTER, useClass: AppErrorFilter },
      ],
    };
  }
}
