import { Controller, Get } from '@nestjs/common';
import { DashboardSchema } from '@app/contracts';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Contract } from '../common/route-metadata';
import { DashboardService } from './dashboard.service';

// The desk of caseworkers and supervisors (ADR 0008: kept per unit and per caseworker).
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('dashboard')
  @Contract({
    summary: 'My cases by state, my tasks overdue and due this week, minors turning 18 (180/90/30 days), what waits for my approval',
    response: DashboardSchema,
  })
  getDashboard(@CurrentUser() user: AuthUser) {
    return this.dashboard.get(user);
  }
}
