import type { EntityManager } from 'typeorm';
import type { Executor } from '../database/db';
import type { CaseState } from '@app/contracts';

// What every demo story is told with: the case, its minor, who is who, and the minor's family in
// the country of origin.
export type DemoExecutor = Pick<EntityManager, 'query'>;

export interface DemoMinorRef {
  firstName: string;
  lastName: string;
  nationality: string;
  sex: 'M' | 'F';
}

// Where the family lives, by nationality: invented addresses in real districts of origin.
const ORIGIN: Record<string, { locality: string; mother: string; father: string; uncle: string; language: string }> = {
  EG: { locality: 'Kafr el-Sheikh', mother: 'Fatma', father: 'Hassan', uncle: 'Mahmoud', language: 'Arabo (egiziano)' },
  UA: { locality: 'Kharkiv', mother: 'Olena', father: 'Serhii', uncle: 'Andrii', language: 'Ucraino' },
  BD: { locality: 'Sylhet', mother: 'Rokeya', father: 'Abdul', uncle: 'Kamal', language: 'Bengali' },
  GM: { locality: 'Brikama', mother: 'Isatou', father: 'Ousman', uncle: 'Lamin', language: 'Mandinka' },
  TN: { locality: 'Sfax', mother: 'Salma', father: 'Hedi', uncle: 'Karim', language: 'Arabo (tunisino)' },
  GN: { locality: 'Kankan', mother: 'Mariama', father: 'Alpha', uncle: 'Sekou', language: 'Pular' },
  AL: { locality: 'Shkodër', mother: 'Drita', father: 'Arben', uncle: 'Gjergj', language: 'Albanese' },
  PK: { locality: 'Gujrat', mother: 'Nasreen', father: 'Tariq', uncle: 'Imran', language: 'Urdu' },
  CI: { locality: 'Daloa', mother: 'Awa', father: 'Bakary', uncle: 'Souleymane', language: 'Dioula' },
  ML: { locality: 'Kayes', mother: 'Kadiatou', father: 'Boubacar', uncle: 'Mamadou', language: 'Bambara' },
  SN: { locality: 'Kolda', mother: 'Aminata', father: 'Ibrahima', uncle: 'Ousmane', language: 'Wolof' },
  ER: { locality: 'Keren', mother: 'Letteberhan', father: 'Tesfamariam', uncle: 'Yonas', language: 'Tigrino' },
  SO: { locality: 'Hargeisa', mother: 'Hodan', father: 'Abdullahi', uncle: 'Farah', language: 'Somalo' },
};

export const originOf = (nationality: string) => ORIGIN[nationality] ?? ORIGIN.EG!;

export interface StoryContext {
  tx: Executor;
  caseId: string;
  index: number;
  state: CaseState;
  minor: DemoMinorRef;
  channel: string;
  requestDate: Date;
  updatedAt: Date;
  user: (key: string) => string;
  org: (key: string) => string;
  // The IOM mission that traces in the minor's country of origin.
  mission: string;
  guardian: string | null;
  socialServices: string;
  court: string | null;
}
