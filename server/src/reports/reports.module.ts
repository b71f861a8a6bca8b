import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReportsController } from './reports.controller';
import { ReportActions } from './report-actions';
import { ReportPdfService } from './report-pdf.service';
import { ReportReleaseService } from './report-release.service';
import { ReportsService } from './reports.service';

@Module({ imports: [WorkflowModule], controllers: [ReportsController], providers: [ReportActions, ReportsService, ReportPdfService, ReportReleaseService], exports: [ReportsService] })
export class ReportsModule {}
