import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { MinorSearchRepository } from './minor-search.repository';
import { MinorSearchService } from './minor-search.service';
import { MinorsController } from './minors.controller';

@Module({ imports: [WorkflowModule], controllers: [MinorsController], providers: [MinorSearchRepository, MinorSearchService] })
export class MinorsModule {}
