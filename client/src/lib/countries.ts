import type { Locale } from '@app/contracts';
import { intlLocale } from '@/lib/format';

// Codes that Intl names but that are not nationalities: regions, unions, test and retired codes.
const NOT_COUNTRIES = new Set([
  'AC', 'AN', 'BU', 'CP', 'CS', 'DD', 'DG', 'DY', 'EA', 'EU', 'EZ', 'FX', 'HV', 'IC', 'NH', 'QO', 'RH',
  'SU', 'TA', 'TP', 'UK', 'UN', 'VD', 'XA', 'XB', 'YD', 'YU', 'ZR', 'ZZ',
]);

const cache = new Map<Locale, { value: string; label: string }[]>();

// Every ISO 3166-1 alpha-2 country the browser can name, in the user's language, sorted by name.
export const countryOptions = (language: Locale): { value: string; label: string }[] => {
  const cached = cache.get(language);
  if (cached) return cached;
  const names = new Intl.DisplayNames([intlLocale(language)], { type: 'region', fallback: 'none' });
  const options: { value: string; label: string }[] = [];
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      if (NOT_COUNTRIES.has(code)) continue;
      let label: string | undefined;
      try {
        label = names.of(code);
      } catch {
        label = undefined;
      }
      if (label) options.push({ value: code, label });
    }
  }
  options.sort((a, b) => a.label.localeCompare(b.label, intlLocale(language)));
  cache.set(language, options);
  return options;
};

// The Italian regions, offered as suggestions (any place can still be typed).
export const ITALIAN_REGIONS = [
  'Abruzzo', 'Basilicata', 'Calabria', 'Campania', 'Emilia-Romagna', 'Friuli-Venezia Giulia', 'Lazio', 'Liguria',
  'Lombardia', 'Marche', 'Molise', 'Piemonte', 'Puglia', 'Sardegna', 'Sicilia', 'Toscana', 'Trentino-Alto Adige',
  'Umbria', "Valle d'Aosta", 'Veneto',
];
