import { z } from "zod";
import { DATABASE_URL_SCHEMA } from "@/db/env";
import { baseUrlSetting } from "@/lib/lightspeed/client/base-url";
import { ROLES, type Role } from "@/db/vocabulary/roles";
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
  /** A mailbox intake claim older than this belongs to a dead worker and is taken over (lib/intake/claim-message.ts). */
  INTAKE_STALE_CLAIM_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  /** Emails sent at once by one worker (the mail queue). */
  WORKER_MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a mailer's claim on an outbox email lives; longer than one SMTP conversation can take. */
  MAIL_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(900_000),
  /** First retry after an SMTP error; each further one waits four times longer. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** SMTP attempts per email before it is marked failed and the specialist is told on the timeline. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
};

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional());

/** Company sign-in (OpenID Connect, lib/auth/company-provider.ts): off while OIDC_ISSUER is unset. */
const COMPANY_SIGN_IN = {
  OIDC_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** What the button says: "Sign in with <OIDC_DISPLAY_NAME>". */
  OIDC_DISPLAY_NAME: optionalText.default("your company account"),
  /** Comma list of email domains that may sign in (and be created) through the company: "actenzo.com,actenzo.nl". */
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .default("")
    .transform((v) => splitList(v).map((d) => d.toLowerCase().replace(/^@/, "")))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be email domains, e.g. actenzo.com"))),
  /** Scopes asked for; add the one that puts groups in the ID token where the provider needs it (Okta: "groups"). */
  OIDC_SCOPES: optionalText.default("openid email profile"),
  /** The ID-token claim holding the person's groups (used only with OIDC_GROUP_ROLES). */
  OIDC_GROUPS_CLAIM: optionalText.default("groups"),
  /** Groups that grant a role at once, "ops-leads=lead,ops-admins=admin"; without one a new account awaits approval. */
  OIDC_GROUP_ROLES: z.string().default("").transform(parseGroupRoles),
  /** "off" hides the password form and refuses the credentials endpoint (company sign-in only). */
  PASSWORD_SIGN_IN: z.enum(["on", "off"]).default("on"),
};

const schema = z
  .object({
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
    /** The agency's IANA zone: every staff member's zone until they choose their own on /profile. */
    AGENCY_TIME_ZONE: timeZoneSchema.default(DEFAULT_AGENCY_TIME_ZONE),
    INTAKE_IMAP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .url()
        .refine((u) => /^imaps?:\/\//.test(u), "must start with imap:// or imaps://")
        .optional(),
    ),
    /** imap:// only: "auto" upgrades with STARTTLS when offered, "required" refuses without, "off" never. */
    INTAKE_IMAP_STARTTLS: z.enum(["auto", "required", "off"]).default("auto"),
    /** "false" accepts a self-signed certificate (a test server); never in production. */
    INTAKE_IMAP_TLS_VERIFY: z.enum(["true", "false"]).default("true"),
    INTAKE_INBOX_FOLDER: z.string().min(1).default("INBOX"),
    INTAKE_PROCESSED_FOLDER: z.string().min(1).default("Processed"),
    /** Where the redacted copy of a message that held a secret goes (INTAKE_SECRET_REMOVAL=redact). */
    INTAKE_REMOVED_FOLDER: z.string().min(1).default("Removed"),
    /** A message holding a secret is expunged ("delete") or replaced by a redacted copy ("redact"). */
    INTAKE_SECRET_REMOVAL: z.enum(["delete", "redact"]).default("redact"),
    INTAKE_POLL_EVERY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** "on": each worker also IDLEs on the mailbox (when the server offers IDLE) and polls at once on new mail. */
    INTAKE_IDLE: z.enum(["on", "off"]).default("on"),
    /**
     * The access mailbox's address (e.g. admin.access@actenzo.test). Every console email to a
     * merchant gets Reply-To: access+<merchant id>@… so that replies match exactly; unset: none.
     */
    INTAKE_REPLY_ADDRESS: z.preprocess((v) => (v === "" ? undefined : v), z.email().optional()),
    /** `npm run demo` sets "on": dev-only views (the captured mail at /admin/mail) are shown in its production build too. */
    DEMO_MODE: z.enum(["on", "off"]).default("off"),
    /** Where the local mail sink (scripts/dev-mail-sink.ts) writes what it captures; read by /admin/mail. */
    DEV_MAIL_DIR: z.string().default(".demo/mail"),
    ...COMPANY_SIGN_IN,
  })
  .superRefine(requireCompleteSignIn);

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

function parseGroupRoles(value: string, ctx: z.RefinementCtx): Array<{ group: string; role: Role }> {
  return splitList(value).flatMap((pair) => {
    const [group, role, ...rest] = pair.split("=").map((part) => part.trim());
    if (!group || rest.length || !ROLES.includes(role as Role)) {
      ctx.addIssue({ code: "custom", message: `"${pair}" is not group=${ROLES.join("|")}` });
      return [];
    }
    return [{ group, role: role as Role }];
  });
}

function requireCompleteSignIn(
  v: { OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string; OIDC_CLIENT_SECRET?: string; OIDC_ALLOWED_DOMAINS: string[] } & {
    PASSWORD_SIGN_IN: "on" | "off";
  },
  ctx: z.RefinementCtx,
) {
  if (v.OIDC_ISSUER) {
    for (const name of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const)
      if (!v[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required with OIDC_ISSUER" });
    if (!v.OIDC_ALLOWED_DOMAINS.length)
      ctx.addIssue({ code: "custom", path: ["OIDC_ALLOWED_DOMAINS"], message: "is required with OIDC_ISSUER" });
  } else if (v.PASSWORD_SIGN_IN === "off") {
    // Nobody could sign in at all.
    ctx.addIssue({ code: "custom", path: ["PASSWORD_SIGN_IN"], message: "can be off only with OIDC_ISSUER set" });
  }
}

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
let overrides: Record<string, string> = {};

/** Lazily parsed so that `next build` and CLIs that never touch the server env do not need it. */
export const env: Env = new Proxy({} as Env, {
  get(_target, property: string) {
    cached ??= parseEnv({ ...process.env, ...overrides });
    return cached[property as keyof Env];
  },
});

/** Tests change process.env between suites; they call this to re-read it. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * Settings injected for this process ahead of process.env, validated like the rest (tests point
 * SMTP_URL or APP_URL at their own servers without writing process.env, which a spawned child
 * would inherit). Returns a function that puts the previous overrides back.
 */
export function overrideEnv(values: Partial<Record<keyof Env, string>>): () => void {
  const previous = overrides;
  overrides = { ...overrides, ...(values as Record<string, string>) };
  cached = undefined;
  return () => {
    overrides = previous;
    cached = undefined;
  };
}
