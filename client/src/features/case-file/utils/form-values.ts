// Optional text fields: an empty box means "not given", not an empty string.
export const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
