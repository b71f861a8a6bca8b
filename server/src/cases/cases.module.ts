import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseEditService } from './case-edit.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseFactsRepository } from '../workflow/case-facts.repository';
import { CaseTransitionService } from '../workflow/case-transition.service';

@Module({
  controllers: [CasesController],
  providers: [CasesRepository, CasesService, CaseIntakeService, CaseEditService, CaseFactsRepository, CaseTransitionService],
  exports: [CasesRepository, CaseFactsRepository, CaseTransitionService],
})
export class CasesModule {}
