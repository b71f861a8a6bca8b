import { CASE_STATES, ErrorCodeSchema, GUARD_CODES, OrganisationTypeSchema, ROLES } from '@app/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import enBase from '@/locales/en.json';
import itBase from '@/locales/it.json';
import { en as enLocale, it as itLocale } from '@/locales';
import { buildCurrentUser } from './support/factories';
import { json, mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';
import { resetClientState } from './support/reset';

type Tree = { [key: string]: string | Tree };

const leafKeys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );

const lookup = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('language switch', () => {
  beforeEach(resetClientState);

  it('starts in Italian and switches the UI to English, storing only the language code', async () => {
    mockApi({});
    renderApp('/login');

    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('it');
    expect(screen.getByTestId('lang-switch')).toHaveAccessibleName('Lingua');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('lang')).toBe('en');
    expect(Object.keys(window.localStorage)).toEqual(['lang']);
  });

  it('restores the stored language on the next visit and switches back to Italian', async () => {
    window.localStorage.setItem('lang', 'en');
    // The stored choice is read when i18n starts; a fresh module instance simulates a new visit.
    await jest.isolateModulesAsync(async () => {
      const { i18n: fresh } = await import('@/lib/i18n');
      expect(fresh.language).toBe('en');
    });

    const currentUser = buildCurrentUser({ role: 'ministry', displayName: 'Laura Verdi' });
    mockApi({ 'GET /api/auth/me': () => json(200, currentUser) });
    renderApp('/');
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'English' }));
    // The ministry starts from the statistics (issue 5).
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics' })).toBeInTheDocument();

    await userEvent.setup().click(screen.getByTestId('lang-it'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Statistiche' })).toBeInTheDocument();
    expect(screen.getByTestId('logout')).toHaveTextContent('Esci');
    expect(window.localStorage.getItem('lang')).toBe('it');
  });

  it('ignores a stored value that is not a supported language', async () => {
    window.localStorage.setItem('lang', '<script>');
    await jest.isolateModulesAsync(async () => {
      const { i18n: fresh } = await import('@/lib/i18n');
      expect(fresh.language).toBe('it');
    });
  });
});

describe('translations', () => {
  it('have the same keys in Italian and English, none of them empty', () => {
    expect(leafKeys(enLocale as Tree).sort()).toEqual(leafKeys(itLocale as Tree).sort());
    for (const key of leafKeys(itLocale as Tree)) {
      expect(String(lookup(itLocale as Tree, key)).trim()).not.toBe('');
      expect(String(lookup(enLocale as Tree, key)).trim()).not.toBe('');
    }
  });

  it.each([
    ['states', CASE_STATES],
    ['roles', ROLES],
    ['organisationTypes', OrganisationTypeSchema.options],
    ['errors', ErrorCodeSchema.options],
    ['guards', GUARD_CODES],
  ] as const)('name every value of %s in both languages', (section, values) => {
    for (const value of values) {
      expect(lookup(itLocale as Tree, `${section}.${value}`)).toEqual(expect.any(String));
      expect(lookup(enLocale as Tree, `${section}.${value}`)).toEqual(expect.any(String));
    }
  });

  it('use the plain-language wording for family tracing', () => {
    expect(itBase.states.TRACING_IN_PROGRESS).toBe("Indagine familiare in corso nel paese d'origine");
    expect(enBase.states.TRACING_IN_PROGRESS).toBe('Family tracing under way in the country of origin');
  });
});
