import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CourtAccessController } from './court-access.controller';
import { CourtAccessService } from './court-access.service';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';

// What guardians, social services and courts see and do on a case, and the courts' time-limited
// access given by a supervisor.
@Module({ imports: [WorkflowModule], controllers: [PortalController, CourtAccessController], providers: [PortalService, CourtAccessService] })
export class PortalModule {}
