import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { IntakeRequestsController } from './intake-requests.controller';
import { IntakeRequestsService } from './intake-requests.service';

// Requests that arrive from social services, and their assignment to a caseworker.
@Module({ imports: [WorkflowModule], controllers: [IntakeRequestsController], providers: [IntakeRequestsService] })
export class IntakeRequestsModule {}
