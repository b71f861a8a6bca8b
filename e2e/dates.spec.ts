import { expect, test } from '@playwright/test';
import { DATED_NOW, DATED_PORT } from './playwright.config';
import { shot, signIn, switchLanguage } from './support';

// The app started with TEST_NOW=2026-12-31T23:30:00Z (issue 11): 00:30 on New Year's Day in Rome.
// The browser's own clock says another day; every "today" on screen is the app's, in Italy.
test.use({ baseURL: `http://localhost:${DATED_PORT}` });

test.describe('the app on a chosen day', () => {
  test('a caseworker works on the app’s day in Italy, whatever the browser’s clock says', async ({ page }) => {
    const health = await page.request.get('/api/health');
    const appNow = Date.parse(health.headers()['x-app-now'] ?? '');
    // The server's clock runs on from TEST_NOW (the server started a minute or two ago).
    expect(appNow - Date.parse(DATED_NOW)).toBeGreaterThanOrEqual(0);
    expect(appNow - Date.parse(DATED_NOW)).toBeLessThan(20 * 60_000);

    await signIn(page, 'caseworker');
    await expect(page.getByTestId('dashboard-turning-18')).toBeVisible();
    await shot(page, 'dates-01-dashboard-new-year-it');

    // Intake: a date of birth cannot be after today, and today is 1 January 2027 in Rome.
    await page.goto('/cases/new');
    await expect(page.getByTestId('intake-form')).toBeVisible();
    await expect(page.getByLabel('Data di nascita', { exact: true })).toHaveAttribute('max', '2027-01-01');
    await shot(page, 'dates-02-intake-new-year-it');

    await switchLanguage(page, 'en');
    await expect(page.getByLabel('Date of birth', { exact: true })).toHaveAttribute('max', '2027-01-01');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await expect(page.getByTestId('dashboard-turning-18')).toBeVisible();
    await shot(page, 'dates-03-dashboard-new-year-phone-en');
    await switchLanguage(page, 'it');
  });
});
