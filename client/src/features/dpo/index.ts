// The data protection officer's oversight: access log, audit trail, chain verification and the
// disclosure register.
export { DpoPage } from './components/dpo-page';
