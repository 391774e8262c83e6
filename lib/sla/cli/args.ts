import { z } from "zod";
import { parseCommandLine, type CliArgs as Args } from "@/lib/cli/parse-args";
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
export type CliArgs = Args<BusinessTimeOptions>;

/** argv (after the script name) → options, or a usage error naming the flag at fault. */
export function parseCliArgs(argv: string[]): CliArgs {
  return parseCommandLine(argv, {
    command: "business-time",
    flags: {
      from: { type: "string" },
      to: { type: "string" },
      tz: { type: "string" },
      country: { type: "string" },
      hours: { type: "string" },
      days: { type: "string" },
      closed: { type: "string" },
      json: { type: "boolean" },
    },
    schema,
    input: (values, command) => ({
      command,
      from: values.from,
      to: values.to,
      timeZone: values.tz,
      country: values.country,
      hours: values.hours,
      days: values.days,
      closed: values.closed,
      json: values.json,
    }),
    flagForField: { timeZone: "--tz", country: "--country", hours: "--hours", days: "--days", closed: "--closed" },
    separator: ": ",
    options: ({ from, to, json, command: _command, ...calendar }) => ({ from, to, json, calendar }),
  });
}
