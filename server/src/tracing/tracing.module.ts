import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseTracingController, FieldTracingController } from './tracing.controller';
import { TracingService } from './tracing.service';

@Module({ imports: [WorkflowModule], controllers: [CaseTracingController, FieldTracingController], providers: [TracingService] })
export class TracingModule {}
