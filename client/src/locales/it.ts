import itBase from './it.json';
import itCaseFile from './it/case-file.json';
import itDashboard from './it/dashboard.json';
import itDocuments from './it/documents.json';
import itFieldReturns from './it/field-returns.json';
import itIntake from './it/intake.json';
import itIntakeRequests from './it/intake-requests.json';
import itPortal from './it/portal.json';
import itReports from './it/reports.json';
import itReturn from './it/return.json';
import itTracing from './it/tracing.json';
import { mergeLocale } from './tree';

// Italian, the default and fallback language: bundled with the application.
export const it = mergeLocale(itBase, itCaseFile, itTracing, itReports, itIntake, itDocuments, itDashboard, itPortal, itReturn, itIntakeRequests, itFieldReturns);
