import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url().refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MIGRATE_ON_START: bool.default(true),
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100000).default(50),
  // Compared with the Origin header, so only scheme://host[:port] counts (a trailing slash would refuse every write).
  PUBLIC_ORIGIN: z.url().transform((u) => new URL(u).origin).optional(),
  TRUST_PROXY: bool.default(false),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  // Statistics: counts of 1 to STATS_MIN_CELL_SIZE − 1 children are suppressed (docs/access-control.md).
  STATS_MIN_CELL_SIZE: z.coerce.number().int().min(2).max(100).default(5),
  // A supervisor's unit-wide dashboard is computed at most once per this many seconds per unit, and
  // again after any change of record (docs/performance.md F4); 0 computes it on every request.
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('warn'),
  // Outside production: the instant (ISO 8601 with Z or an offset) at which the app's clock starts
  // and from which a fresh demo unit is generated; time runs on from it (docs/testing.md "Dates").
  TEST_NOW: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .optional(),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && env.TEST_NOW) {
    ctx.addIssue({ code: 'custom', path: ['TEST_NOW'], message: 'refused in production: the clock follows the real time' });
  }
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

// Parse once at start-up; a bad value stops the process with a message naming the variable.
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
