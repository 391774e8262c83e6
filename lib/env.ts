import { z } from "zod";
import { DATABASE_URL_SCHEMA } from "@/db/env";
import { baseUrlSetting } from "@/lib/lightspeed/client/base-url";
import { DEFAULT_AGENCY_TIME_ZONE, timeZoneSchema } from "./time/zones";

/**
 * Server environment, validated with zod on first use. A missing or bad variable stops the
 * process with one message naming every offender, instead of failing somewhere deep later.
 */
const keyRing = z.string().min(1).describe("comma-separated id:base64key pairs, e.g. v1:...,v2:...");

/**
 * Read where they are used, and validated here too so that start-up names a bad one: worker
 * tuning (jobs/worker-config.ts), the engine's base URLs (read per request, so tests can point
 * them at the simulator) and the demo's port (scripts/demo.ts). LOG_LEVEL, below, is also read
 * raw by lib/logger.ts, which must work before and without the rest of the environment.
 */
const READ_ELSEWHERE = {
  WORKER_VERIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  WORKER_HEALTH_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  /** How long a job's lock lives without renewal; see jobs/worker-config.ts. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** Tests set this "off" to drive the sweep themselves. */
  WORKER_SCHEDULERS: z.enum(["on", "off"]).default("on"),
  /** How often the platform-incident canary looks (only does something while an incident is open). */
  WORKER_CANARY_EVERY_MS: z.coerce.number().int().min(5_000).max(3_600_000).default(180_000),
  LIGHTSPEED_EU1_URL: baseUrlSetting,
  LIGHTSPEED_US1_URL: baseUrlSetting,
  PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** Emails sent at once by one worker (the mail queue). */
  WORKER_MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a mailer's claim on an outbox email lives; longer than one SMTP conversation can take. */
  MAIL_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(900_000),
  /** First retry after an SMTP error; each further one waits four times longer. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** SMTP attempts per email before it is marked failed and the specialist is told on the timeline. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
};

const schema = z.object({
  ...READ_ELSEWHERE,
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** The app's own role (created by `npm run db:migrate`): no UPDATE/DELETE on the append-only tables. */
  DATABASE_URL: DATABASE_URL_SCHEMA,
  /** The owner role that migrations run as; unset: DATABASE_URL as the `postgres` user (db/database-urls.ts). */
  DATABASE_OWNER_URL: z.url().optional(),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379/0"),
  /** Namespaces every Redis key (queues, throttles), so test runs and deployments never collide. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i)
    .default("actenzo"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  SIGNUPS_API_TOKEN: z.string().min(24, "must be at least 24 characters"),
  /** Read-only bearer token of GET /api/merchants (the CRM); unset turns the endpoint off (401). */
  CRM_API_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(24, "must be at least 24 characters").optional(),
  ),
  SECRETS_KEYRING: keyRing,
  SECRETS_ACTIVE_KEY: z.string().min(1),
  SMTP_URL: z.string().default("smtp://127.0.0.1:2525"),
  MAIL_FROM: z.string().default("Actenzo Onboarding <onboarding@actenzo.test>"),
  APP_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Reverse proxies in front of the app that append the client address to X-Forwarded-For (0: none, use the socket). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** `npm run demo` sets "on": dev-only views (the captured mail at /admin/mail) are shown in its production build too. */
  DEMO_MODE: z.enum(["on", "off"]).default("off"),
  /** Where the local mail sink (scripts/dev-mail-sink.ts) writes what it captures; read by /admin/mail. */
  DEV_MAIL_DIR: z.string().default(".demo/mail"),
  /** The agency's IANA zone: every staff member's zone until they choose their own on /profile. */
  AGENCY_TIME_ZONE: timeZoneSchema.default(DEFAULT_AGENCY_TIME_ZONE),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const value = source[name];
        return value === undefined || value === "" ? `${name} is missing` : `${name} is invalid: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** Lazily parsed so that `next build` and CLIs that never touch the server env do not need it. */
export const env: Env = new Proxy({} as Env, {
  get(_target, property: string) {
    cached ??= parseEnv(process.env);
    return cached[property as keyof Env];
  },
});

/** Tests change process.env between suites; they call this to re-read it. */
export function resetEnvCache() {
  cached = undefined;
}
