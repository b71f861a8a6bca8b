import { Module } from '@nestjs/common';
import { CasesRepository } from '../cases/cases.repository';
import { CaseChanges } from './case-changes';
import { CaseFactsRepository } from './case-facts.repository';
import { CaseTransitionService } from './case-transition.service';

// What every feature that changes a case needs (issue 17): the cases it may see (CasesRepository),
// the case-change unit (lock a visible case, record a change) and the transitions with the guard
// facts they read. Features import this module, not CasesModule (the case list, intake and edits).
@Module({
  providers: [CasesRepository, CaseChanges, CaseFactsRepository, CaseTransitionService],
  exports: [CasesRepository, CaseChanges, CaseFactsRepository, CaseTransitionService],
})
export class WorkflowModule {}
