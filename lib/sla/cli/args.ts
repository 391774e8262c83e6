import { parseArgs } from "node:util";
import { z } from "zod";
import { isTimeZone } from "@/lib/time";
import { closedSchema, countrySchema, daysSchema, DEFAULT_DAYS, DEFAULT_HOURS, hoursSchema } from "../calendar";
import type { BusinessCalendar } from "../calendar";
import { instantSchema } from "./instant";

export const USAGE =
  "Usage: npm run --silent sla -- business-time --from <ISO instant> --to <ISO instant> --tz <IANA zone> [--country <alpha-2>] [--hours HH:MM-HH:MM] [--days mon,tue,wed,thu,fri] [--closed YYYY-MM-DD,...] [--json]";

const required = <T extends z.ZodType<unknown, string>>(flag: string, schema: T) =>
  z.string({ error: `${flag} is required` }).pipe(schema);

const schema = z.object({
  command: z.literal("business-time", { error: "the only command is business-time" }),
  from: required("--from", instantSchema("--from")),
  to: required("--to", instantSchema("--to")),
  timeZone: required("--tz", z.string().refine(isTimeZone, "--tz must be an IANA time zone such as Europe/Amsterdam")),
  country: countrySchema.optional(),
  hours: hoursSchema.prefault(DEFAULT_HOURS),
  days: daysSchema.prefault(DEFAULT_DAYS.join(",")),
  closed: closedSchema.prefault(""),
  json: z.boolean().default(false),
});

export type BusinessTimeOptions = { from: Date; to: Date; calendar: BusinessCalendar; json: boolean };
export type CliArgs =
  { kind: "run"; options: BusinessTimeOptions } | { kind: "help" } | { kind: "usage_error"; message: string };

const FLAG_FOR_FIELD: Record<string, string> = {
  timeZone: "--tz",
  country: "--country",
  hours: "--hours",
  days: "--days",
  closed: "--closed",
};

/** argv (after the script name) → options, or a usage error naming the flag at fault. */
export function parseCliArgs(argv: string[]): CliArgs {
  let raw: ReturnType<typeof parse>;
  try {
    raw = parse(argv);
  } catch (error) {
    return { kind: "usage_error", message: error instanceof Error ? error.message : "bad arguments" };
  }
  if (raw.values.help) return { kind: "help" };
  if (raw.positionals.length !== 1)
    return { kind: "usage_error", message: "expected exactly one command: business-time" };
  const { values } = raw;
  const parsed = schema.safeParse({
    command: raw.positionals[0],
    from: values.from,
    to: values.to,
    timeZone: values.tz,
    country: values.country,
    hours: values.hours,
    days: values.days,
    closed: values.closed,
    json: values.json,
  });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const flag = FLAG_FOR_FIELD[String(issue.path[0] ?? "")];
      return flag && !issue.message.startsWith("--") ? `${flag}: ${issue.message}` : issue.message;
    });
    return { kind: "usage_error", message: [...new Set(messages)].join("; ") };
  }
  const { from, to, json, command: _command, ...calendar } = parsed.data;
  return { kind: "run", options: { from, to, json, calendar } };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      tz: { type: "string" },
      country: { type: "string" },
      hours: { type: "string" },
      days: { type: "string" },
      closed: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
