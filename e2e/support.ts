import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { E2E_DEMO_PASSWORD } from './playwright.config';

export const ARTIFACTS = join(__dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const demo = (local: string) => `${local}@demo.example`;

export async function signIn(page: Page, local: string, password = E2E_DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^email/i).fill(demo(local));
  await page.getByLabel(/^password/i).fill(password);
  await page.getByRole('button', { name: /^(accedi|sign in)$/i }).click();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function switchLanguage(page: Page, language: 'it' | 'en'): Promise<void> {
  await page.getByTestId('lang-switch').getByText(language === 'en' ? 'English' : 'Italiano').click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
