import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseEditService } from './case-edit.service';
import { CaseIntakeService } from './case-intake.service';

// The case list, intake and edits; the case-change unit and transitions come from WorkflowModule.
@Module({
  imports: [WorkflowModule],
  controllers: [CasesController],
  providers: [CasesService, CaseIntakeService, CaseEditService],
})
export class CasesModule {}
