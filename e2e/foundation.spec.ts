import { expect, test } from '@playwright/test';
import { shot, signIn, switchLanguage } from './support';

test.describe('foundation journeys', () => {
  test('a caseworker signs in to their dashboard and opens their case list', async ({ page }) => {
    await signIn(page, 'caseworker');
    await expect(page.getByTestId('user-name')).toHaveText(/Marco Bellini/);
    await expect(page.getByTestId('dashboard-by-state')).toBeVisible();
    await expect(page.getByTestId('dashboard-turning-18')).toBeVisible();
    await shot(page, 'caseworker-dashboard-it');
    await page.goto('/cases');
    const rows = page.getByTestId('case-row');
    await expect(rows).toHaveCount(20);
    await shot(page, 'caseworker-case-list-it');
  });

  test('a guardian sees only their wards', async ({ page }) => {
    await signIn(page, 'guardian');
    const rows = page.getByTestId('case-row');
    await expect(rows).toHaveCount(3);
    await expect(page.getByText('Mohamed Ibrahim')).toBeVisible();
    await expect(page.getByText('Muhammad Ibraheem')).toHaveCount(0);
    await shot(page, 'guardian-case-list-it');
  });

  test('a wrong password shows a clear message and no session', async ({ page }) => {
    await signIn(page, 'caseworker', 'not the right password');
    await expect(page.getByText('Email o password non corretti')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await shot(page, 'login-wrong-password-it');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === '__Host-sid')).toBeUndefined();
  });

  test('switching to English changes the interface and persists', async ({ page }) => {
    await signIn(page, 'supervisor');
    await expect(page.getByTestId('dashboard-approvals')).toBeVisible();
    await page.goto('/cases');
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await switchLanguage(page, 'en');
    await expect(page.getByTestId('logout')).toHaveText(/sign out|log out/i);
    await shot(page, 'supervisor-case-list-en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('logout')).toHaveText(/sign out|log out/i);
    await switchLanguage(page, 'it');
  });

  test('logout returns to the login page and ends the session', async ({ page }) => {
    await signIn(page, 'social.milano');
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
  });

  test('an unknown page shows the not-found page, and deep links load the app', async ({ page }) => {
    await signIn(page, 'caseworker');
    await expect(page.getByTestId('dashboard-by-state')).toBeVisible();
    await page.goto('/cases');
    await page.getByTestId('case-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    await page.goto(detailUrl);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot(page, 'case-detail-it');
    await page.goto('/no/such/page');
    await expect(page.getByText(/pagina non trovata/i)).toBeVisible();
  });
});
