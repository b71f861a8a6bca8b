// Both languages' trees, for tests and tooling. The application imports './it' eagerly and
// './en' lazily (lib/i18n.ts), so the first download carries one language only.
export { en } from './en';
export { it } from './it';
export type { LocaleTree } from './tree';
