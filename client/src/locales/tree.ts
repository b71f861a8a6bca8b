// One translation tree per language: the shell's strings plus one file per feature, each under
// its own top-level key, so features can grow without touching each other's files.
export type LocaleTree = { [key: string]: string | LocaleTree };

export const mergeLocale = (...parts: object[]): LocaleTree => Object.assign({}, ...parts) as LocaleTree;
