import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { TaskSweeper } from './task-sweeper';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

// Transitions recompute tasks through the plain function recomputeTasks (task-recompute.ts),
// called with the transition's executor: no Nest dependency from WorkflowModule back to this module.
@Module({ imports: [WorkflowModule], controllers: [TasksController], providers: [TasksService, TaskSweeper], exports: [TasksService, TaskSweeper] })
export class TasksModule {}
