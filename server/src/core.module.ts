import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { PasswordService } from './auth/password.service';
import { SessionService } from './auth/session.service';
import { Clock } from './common/clock';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { Db } from './database/db';

// Cross-cutting services every feature uses: configuration, time, SQL, audit, sessions.
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    const providers = [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useValue: clock }, Db, AuditService, PasswordService, SessionService];
    return { module: CoreModule, providers, exports: providers };
  }
}
