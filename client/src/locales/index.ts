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

// One translation tree per language: the shell's strings plus one file per feature, each under
// its own top-level key, so features can grow without touching each other's files.
export type LocaleTree = { [key: string]: string | LocaleTree };

const merge = (...parts: object[]): LocaleTree => Object.assign({}, ...parts) as LocaleTree;

export const it = merge(itBase, itCaseFile, itTracing, itReports, itIntake, itDocuments, itDashboard, itPortal, itReturn, itIntakeRequests, itFieldReturns);
export const en = merge(enBase, enCaseFile, enTracing, enReports, enIntake, enDocuments, enDashboard, enPortal, enReturn, enIntakeRequests, enFieldReturns);
