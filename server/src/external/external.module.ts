import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CourtAccessService } from './court-access.service';
import { ExternalController } from './external.controller';
import { IntakeRequestsService } from './intake-requests.service';
import { PortalService } from './portal.service';

@Module({ imports: [CasesModule], controllers: [ExternalController], providers: [PortalService, IntakeRequestsService, CourtAccessService] })
export class ExternalModule {}
