import type { Env } from './env';

// The parsed environment, provided to Nest under this token.
export const APP_CONFIG = Symbol('APP_CONFIG');
export type AppConfig = Env;
