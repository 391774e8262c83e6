import { z } from "zod";

/**
 * An ISO 8601 instant that names its offset ("2026-11-27T16:00:00+01:00", "…Z"). A local time
 * without an offset is refused: it would mean a different instant in every zone.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

export function parseInstant(value: string): Date | null {
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const [oh, om] = [Number(m[8] ?? 0), Number(m[9] ?? 0)];
  if (hour! > 23 || minute! > 59 || second! > 59 || oh > 23 || om > 59) return null;
  // Date.UTC rolls 30 Feb over to 2 Mar; reading the fields back refuses such dates.
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) return null;
  const normalised = value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const instant = new Date(normalised);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export const instantSchema = (flag: string) =>
  z.string().transform((value, ctx) => {
    const instant = parseInstant(value);
    if (!instant) {
      ctx.addIssue({
        code: "custom",
        message: `${flag} must be an ISO 8601 instant with an offset or Z (e.g. 2026-11-27T16:00:00+01:00), got ${value}`,
      });
      return z.NEVER;
    }
    return instant;
  });
