import { parseArgs } from "node:util";
import { z } from "zod";
import { CLUSTERS } from "../clusters";
import { credentialPart, DEFAULT_LANGUAGE, languageCode } from "../input";

export const USAGE =
  "Usage: npm run --silent lightspeed -- verify --key KEY --secret SECRET [--cluster eu1|us1] [--language CODE] [--timeout SECONDS] [--max-wait SECONDS] [--json]";

const seconds = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `${name} must be a number of seconds`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${name} must be between ${min} and ${max} seconds`)
    .transform((value) => Math.round(value * 1000));

const schema = z.object({
  command: z.literal("verify", { error: "the only command is verify" }),
  key: credentialPart.optional().refine((v) => v !== undefined, "--key is required"),
  secret: credentialPart.optional().refine((v) => v !== undefined, "--secret is required"),
  cluster: z.enum(CLUSTERS, { error: "--cluster must be eu1 or us1" }).optional(),
  language: languageCode.default(DEFAULT_LANGUAGE),
  timeoutMs: seconds("--timeout", { min: 0.1, max: 120 }).default(10_000),
  maxWaitMs: seconds("--max-wait", { min: 0, max: 600 }).default(10_000),
  json: z.boolean().default(false),
});

export type CliOptions = { key: string; secret: string } & Omit<z.output<typeof schema>, "command" | "key" | "secret">;
export type CliArgs =
  { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "usage_error"; message: string };

const FLAG_FOR_FIELD: Record<string, string> = { key: "--key", secret: "--secret", language: "--language" };

/** argv (after the script name) → options, or a usage error whose message never echoes a value. */
export function parseCliArgs(argv: string[]): CliArgs {
  let raw: ReturnType<typeof parse>;
  try {
    raw = parse(argv);
  } catch (error) {
    // node:util quotes unknown flags, not values, so its message is safe to show.
    return { kind: "usage_error", message: error instanceof Error ? error.message : "bad arguments" };
  }
  if (raw.values.help) return { kind: "help" };
  if (raw.positionals.length !== 1) return { kind: "usage_error", message: "expected exactly one command: verify" };
  const { values } = raw;
  const parsed = schema.safeParse({
    command: raw.positionals[0],
    key: values.key,
    secret: values.secret,
    cluster: values.cluster,
    language: values.language,
    timeoutMs: values.timeout,
    maxWaitMs: values["max-wait"],
    json: values.json,
  });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? "");
      const flag = FLAG_FOR_FIELD[field];
      return flag && !issue.message.startsWith("--") ? `${flag} ${issue.message}` : issue.message;
    });
    return { kind: "usage_error", message: [...new Set(messages)].join("; ") };
  }
  const { command: _command, key, secret, ...rest } = parsed.data;
  return { kind: "run", options: { key: key!, secret: secret!, ...rest } };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      key: { type: "string" },
      secret: { type: "string" },
      cluster: { type: "string" },
      language: { type: "string" },
      timeout: { type: "string" },
      "max-wait": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
