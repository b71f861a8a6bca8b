import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CaseFileController } from './case-file.controller';
import { CaseFileService } from './case-file.service';

@Module({ imports: [WorkflowModule], controllers: [CaseFileController], providers: [CaseFileService] })
export class CaseFileModule {}
