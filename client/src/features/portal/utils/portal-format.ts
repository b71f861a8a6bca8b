import { romeDay } from '@app/contracts';
import { appNow } from '@/lib/clock';

export { formatDateTime, formatFileSize, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '@/lib/format';

// Today as a calendar day in Italy, YYYY-MM-DD (the default of date fields, and their maximum).
export const todayIso = (now: Date = appNow()): string => romeDay(now);

export const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

