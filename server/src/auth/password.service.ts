import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type FieldError } from '@app/contracts';
import { assetPath } from '../common/paths';

// OWASP-recommended argon2id minimum (19 MiB, t=2, p=1): ~40 ms per hash on the target machine.
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let blocklist: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // SecLists' top-1M list, entries of 12+ characters (shorter ones fail the length rule anyway).
  blocklist ??= new Set(
    readFileSync(assetPath('common-passwords.txt'), 'utf8').split('\n').filter(Boolean),
  );
  return blocklist;
}

export function passwordProblems(password: string, context: { email?: string } = {}): FieldError[] {
  const problems: FieldError[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ path: 'password', code: 'too_short', message: `At least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({ path: 'password', code: 'too_long', message: `At most ${PASSWORD_MAX_LENGTH} characters` });
  }
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered) || /^(.)\1+$/.test(password)) {
    problems.push({ path: 'password', code: 'common_password', message: 'This password is too common' });
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local)) {
    problems.push({ path: 'password', code: 'contains_email', message: 'The password must not contain the email name' });
  }
  return problems;
}

@Injectable()
export class PasswordService {
  // A real hash of a random string: verifying against it when the account does not exist keeps
  // the response time the same, so timing does not reveal which emails are registered.
  private readonly dummyHash = hash(`dummy-${Math.random()}`, ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
