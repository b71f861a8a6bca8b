import { Foundation1764000000000 } from './1764000000000-foundation';
import { CaseFileWorkflow1764000001000 } from './1764000001000-case-file-workflow';

// Listed explicitly (no globs) so tsc output, jest and the CLI run the same list.
export const migrations = [Foundation1764000000000, CaseFileWorkflow1764000001000];
