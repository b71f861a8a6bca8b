import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseTracingController, FieldTracingController } from './tracing.controller';
import { FamilyAssessmentService } from './assessment.service';
import { TracingRequests } from './tracing-requests';
import { TracingService } from './tracing.service';

@Module({ imports: [WorkflowModule], controllers: [CaseTracingController, FieldTracingController], providers: [TracingRequests, TracingService, FamilyAssessmentService] })
export class TracingModule {}
