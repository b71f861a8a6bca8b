import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  CaseTaskListSchema,
  CreateTaskSchema,
  IdParamsSchema,
  TaskListQuerySchema,
  TaskPageSchema,
  TaskSchema,
  type CreateTaskInput,
  type TaskListQuery,
} from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, ReqMeta, type RequestMeta } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { TasksService } from './tasks.service';

@Controller()
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
  ) {}

  @Get('tasks')
  @Contract({
    summary: "The caller's tasks on visible cases, by due date (?status=open|done|cancelled|all, ?due=overdue|week|all, ?owner=mine|any; keyset pagination)",
    query: TaskListQuerySchema,
    response: TaskPageSchema,
  })
  list(@CurrentUser() user: AuthUser, @Query() query: TaskListQuery) {
    return this.tasks.list(user, query);
  }

  @Get('cases/:caseId/tasks')
  @Contract({ summary: 'Every task and deadline of a case, open ones first', params: IdParamsSchema('caseId'), response: CaseTaskListSchema })
  listForCase(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string) {
    return this.tasks.listForCase(user, caseId);
  }

  @Post('cases/:caseId/tasks')
  @Contract({ summary: 'Add a manual task to a case (owner role defaults to yours)', params: IdParamsSchema('caseId'), body: CreateTaskSchema, response: TaskSchema, status: 201 })
  create(@CurrentUser() user: AuthUser, @Param('caseId') caseId: string, @Body() body: CreateTaskInput, @ReqMeta() meta: RequestMeta) {
    return this.tasks.create(user, caseId, body, meta.ip);
  }

  @Post('tasks/:taskId/complete')
  @HttpCode(200)
  @Contract({ summary: 'Complete a manual task (rule deadlines close by themselves: 409)', params: IdParamsSchema('taskId'), response: TaskSchema })
  complete(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @ReqMeta() meta: RequestMeta) {
    return this.tasks.complete(user, taskId, meta.ip);
  }
}
