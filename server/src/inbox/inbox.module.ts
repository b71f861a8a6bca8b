import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

@Module({ imports: [WorkflowModule], controllers: [InboxController], providers: [InboxService], exports: [InboxService] })
export class InboxModule {}
