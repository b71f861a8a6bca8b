import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [WorkflowModule], controllers: [ReportsController], providers: [ReportsService], exports: [ReportsService] })
export class ReportsModule {}
