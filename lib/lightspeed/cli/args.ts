import { z } from "zod";
import { parseCommandLine, type CliArgs as Args } from "@/lib/cli/parse-args";
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
export type CliArgs = Args<CliOptions>;

/** argv (after the script name) → options, or a usage error whose message never echoes a value. */
export function parseCliArgs(argv: string[]): CliArgs {
  return parseCommandLine(argv, {
    command: "verify",
    flags: {
      key: { type: "string" },
      secret: { type: "string" },
      cluster: { type: "string" },
      language: { type: "string" },
      timeout: { type: "string" },
      "max-wait": { type: "string" },
      json: { type: "boolean" },
    },
    schema,
    input: (values, command) => ({
      command,
      key: values.key,
      secret: values.secret,
      cluster: values.cluster,
      language: values.language,
      timeoutMs: values.timeout,
      maxWaitMs: values["max-wait"],
      json: values.json,
    }),
    flagForField: { key: "--key", secret: "--secret", language: "--language" },
    separator: " ",
    options: ({ command: _command, key, secret, ...rest }) => ({ key: key!, secret: secret!, ...rest }),
  });
}
