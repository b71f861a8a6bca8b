import { PasswordService, passwordProblems } from './password.service';

describe('passwordProblems', () => {
  it.each([
    ['short', ['too_short']],
    ['correct horse battery staple', []],
    ['qwerty123456', ['common_password']],
    ['QWERTY123456', ['common_password']],
    ['aaaaaaaaaaaaaaa', ['common_password']],
    ['x'.repeat(257), ['too_long', 'common_password']],
  ])('%s → %j', (password, codes) => {
    expect(passwordProblems(password).map((p) => p.code)).toEqual(codes);
  });

  it('rejects a password built on the email name', () => {
    expect(passwordProblems('mario.rossi-2026!', { email: 'mario.rossi@example.org' }).map((p) => p.code)).toEqual(['contains_email']);
  });
});

describe(PasswordService.name, () => {
  const sut = new PasswordService();

  it('hashes with argon2id and the configured cost', async () => {
    const hashed = await sut.hash('a long enough passphrase');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(sut.verify(hashed, 'a long enough passphrase')).resolves.toBe(true);
    await expect(sut.verify(hashed, 'another passphrase!')).resolves.toBe(false);
  });

  it('answers false for a missing account without throwing', async () => {
    await expect(sut.verify(undefined, 'whatever it is here')).resolves.toBe(false);
  });
});
