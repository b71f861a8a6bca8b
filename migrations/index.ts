import { Foundation1764000000000 } from './1764000000000-foundation';
import { CaseFileWorkflow1764000001000 } from './1764000001000-case-file-workflow';
import { TracingPackets1764000002000 } from './1764000002000-tracing-packets';
import { Reports1764000003000 } from './1764000003000-reports';
import { IntakeSearch1764000004000 } from './1764000004000-intake-search';
import { DocumentsTasks1764000005000 } from './1764000005000-documents-tasks';
import { ReturnReintegration1764000006000 } from './1764000006000-return-reintegration';
import { Portals1764000007000 } from './1764000007000-portals';
import { GrantKeyset1764000008000 } from './1764000008000-grant-keyset';
import { NameKeyDictionary1764000009000 } from './1764000009000-name-key-dictionary';
import { AppClock1764000010000 } from './1764000010000-app-clock';
import { CaseStateCheck1764000011000 } from './1764000011000-case-state-check';

// Listed explicitly (no globs) so tsc output, jest and the CLI run the same list.
export const migrations = [
  Foundation1764000000000,
  CaseFileWorkflow1764000001000,
  TracingPackets1764000002000,
  Reports1764000003000,
  IntakeSearch1764000004000,
  DocumentsTasks1764000005000,
  ReturnReintegration1764000006000,
  Portals1764000007000,
  GrantKeyset1764000008000,
  NameKeyDictionary1764000009000,
  AppClock1764000010000,
  CaseStateCheck1764000011000,
];
