import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { MinorSearchRepository } from './minor-search.repository';
import { MinorSearchService } from './minor-search.service';
import { MinorsController } from './minors.controller';

@Module({ imports: [WorkflowModule], controllers: [MinorsController, DirectoryController], providers: [MinorSearchRepository, MinorSearchService, DirectoryService] })
export class MinorsModule {}
