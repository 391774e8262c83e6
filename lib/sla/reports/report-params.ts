import { z } from "zod";
import { dayParam } from "@/lib/validation/day-param";
import { CLUSTERS } from "@/db/vocabulary/lightspeed";

/**
 * The SLA report's URL contract (`/reports` and `/reports/csv`): a period and a segment. A
 * malformed value is dropped (the default applies), never an error page.
 */
export const REPORT_PERIODS = ["week", "4w", "quarter", "custom"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = {
  week: "This week",
  "4w": "Last 4 weeks",
  quarter: "This quarter",
  custom: "From – to",
};
/** `specialist=none`: merchants nobody is assigned to. */
export const UNASSIGNED = "none";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(one, schema.optional()).catch(undefined);

export const reportParamsSchema = z.object({
  period: z.preprocess(one, z.enum(REPORT_PERIODS).default("4w")).catch("4w"),
  from: optional(dayParam),
  to: optional(dayParam),
  cluster: optional(z.enum(CLUSTERS)),
  country: optional(z.string().regex(/^[A-Z]{2}$/)),
  specialist: optional(z.union([z.uuid(), z.literal(UNASSIGNED)])),
  /** The Monday (agency time zone) of the sign-up week. */
  cohort: optional(dayParam),
});
export type ReportParams = z.infer<typeof reportParamsSchema>;

export function parseReportParams(raw: Record<string, string | string[] | undefined> | URLSearchParams): ReportParams {
  const record = raw instanceof URLSearchParams ? Object.fromEntries(raw) : raw;
  return reportParamsSchema.parse(record);
}

const KEYS = ["period", "from", "to", "cluster", "country", "specialist", "cohort"] as const;

/** The query string for these params (without defaults), for links, the controls and the CSV buttons. */
export function serializeReportParams(params: Partial<ReportParams>, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key];
    if (!value || (key === "period" && value === "4w")) continue;
    if ((key === "from" || key === "to") && params.period !== "custom") continue;
    query.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}
