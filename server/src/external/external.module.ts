import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CourtAccessService } from './court-access.service';
import { ExternalController } from './external.controller';
import { IntakeRequestsService } from './intake-requests.service';
import { PortalService } from './portal.service';

@Module({ imports: [WorkflowModule], controllers: [ExternalController], providers: [PortalService, IntakeRequestsService, CourtAccessService] })
export class ExternalModule {}
