// Configuration: parsed once at boot from the environment into a frozen typed object; every bad variable is listed.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const roleList = z
  .string()
  .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['web', 'worker'], { error: 'each role must be web or worker' })).min(1));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  QINQING_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  QINQING_DEMO: bool.default(false),
  QINQING_ROLES: roleList.default(['web', 'worker']),
  QINQING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QINQING_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  QINQING_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  QINQING_LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(5),
  QINQING_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  QINQING_COOKIE_SECURE: bool.optional(),
  QINQING_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  QINQING_WEB_DIR: z.string().min(1).optional(),
  QINQING_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  QINQING_SMTP_URL: z
    .string()
    .refine(isSmtpUrl, { error: 'must look like smtp://user:pass@host:587 or smtps://host:465' })
    .optional(),
  QINQING_MAIL_FROM: z.string().min(3).max(200).optional(),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Unset means: start the embedded PostgreSQL under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly demo: boolean;
  readonly roles: readonly ('web' | 'worker')[];
  readonly logLevel: string;
  readonly session: { readonly maxAgeHours: number; readonly idleMinutes: number; readonly cookieSecure: boolean };
  readonly login: { readonly maxFailures: number; readonly lockMinutes: number };
  readonly bodyLimitBytes: number;
  readonly webDir: string;
  readonly embeddedDbPort: number;
  /** E-mail through SMTP; without smtpUrl notifications stay in-app and the outbox keeps the mails pending. */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Overrides win over the environment (the CLI passes --demo, --roles, --port this way). */
export function loadConfig(source: NodeJS.ProcessEnv, overrides: Partial<Record<keyof z.input<typeof envSchema>, string>> = {}): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = overrides[key as keyof typeof overrides] ?? source[key];
    raw[key] = value === '' ? undefined : value;
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(withoutPassword(raw[String(i.path[0])]))}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.QINQING_DATA_DIR);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.QINQING_DEMO ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo: e.QINQING_DEMO,
    roles: Object.freeze([...new Set(e.QINQING_ROLES)]),
    logLevel: e.QINQING_LOG_LEVEL,
    session: Object.freeze({
      maxAgeHours: e.QINQING_SESSION_HOURS,
      idleMinutes: e.QINQING_SESSION_IDLE_MINUTES,
      cookieSecure: e.QINQING_COOKIE_SECURE ?? e.NODE_ENV === 'production',
    }),
    login: Object.freeze({ maxFailures: e.QINQING_LOGIN_MAX_FAILURES, lockMinutes: e.QINQING_LOGIN_LOCK_MINUTES }),
    bodyLimitBytes: e.QINQING_BODY_LIMIT_BYTES,
    webDir: path.resolve(e.QINQING_WEB_DIR ?? 'dist/web'),
    embeddedDbPort: e.QINQING_DB_PORT,
    mail: Object.freeze({ smtpUrl: e.QINQING_SMTP_URL, from: e.QINQING_MAIL_FROM ?? defaultSender(e.QINQING_SMTP_URL) }),
  });
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Passwords in URLs (SMTP, database) never reach the logs, even in a refused value. */
const withoutPassword = (value: string | undefined) => value?.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Without QINQING_MAIL_FROM: noreply@ the SMTP server's domain. */
function defaultSender(smtpUrl: string | undefined): string {
  const host = smtpUrl ? new URL(smtpUrl).hostname : 'localhost';
  return `亲清 Qinqing <noreply@${host || 'localhost'}>`;
}
