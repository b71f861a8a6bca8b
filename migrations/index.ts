import { Foundation1764000000000 } from './1764000000000-foundation';

// Listed explicitly (no globs) so tsc output, jest and the CLI run the same list.
export const migrations = [Foundation1764000000000];
