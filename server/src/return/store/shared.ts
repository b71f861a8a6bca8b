// Shared by the part-2 readers: an instant as ISO text, null kept.
export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
