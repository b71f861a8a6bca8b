import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReportsModule } from '../reports/reports.module';
import { CourtController } from './court.controller';
import { CourtService } from './court.service';
import { FieldReturnService } from './field-return.service';
import { ReturnCaseAccess } from './return-case';
import { FieldReturnController, ReturnController } from './return.controller';
import { ReturnService } from './return.service';
import { MonitoringService } from './monitoring.service';
import { MonitoringStore, PgMonitoringStore } from './monitoring.store';
import { TravelService } from './travel.service';

// Part 2 of the workflow (issue 4): durable solution by return, the juvenile court, AVR,
// reintegration and monitoring.
@Module({
  imports: [WorkflowModule, ReportsModule],
  controllers: [ReturnController, CourtController, FieldReturnController],
  providers: [ReturnCaseAccess, ReturnService, MonitoringService, TravelService, { provide: MonitoringStore, useClass: PgMonitoringStore }, CourtService, FieldReturnService],
})
export class ReturnModule {}
