import enBase from './en.json';
import enCaseFile from './en/case-file.json';
import enDashboard from './en/dashboard.json';
import enDocuments from './en/documents.json';
import enFieldReturns from './en/field-returns.json';
import enIntake from './en/intake.json';
import enIntakeRequests from './en/intake-requests.json';
import enPortal from './en/portal.json';
import enReports from './en/reports.json';
import enReturn from './en/return.json';
import enTracing from './en/tracing.json';
import { mergeLocale } from './tree';

// English: loaded on demand (lib/i18n.ts) when it is the stored or chosen language.
export const en = mergeLocale(enBase, enCaseFile, enTracing, enReports, enIntake, enDocuments, enDashboard, enPortal, enReturn, enIntakeRequests, enFieldReturns);
