import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTracingController, FieldTracingController } from './tracing.controller';
import { TracingService } from './tracing.service';

@Module({ imports: [CasesModule], controllers: [CaseTracingController, FieldTracingController], providers: [TracingService] })
export class TracingModule {}
