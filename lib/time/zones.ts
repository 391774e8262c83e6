import { z } from "zod";

/**
 * Which zones exist. The agency's own zone is the default for every staff member who has not
 * chosen one; the server reads `AGENCY_TIME_ZONE` (lib/env.ts) and falls back to this constant.
 */
export const DEFAULT_AGENCY_TIME_ZONE = "Europe/Amsterdam";

/** True for an IANA zone name the runtime knows ("Europe/Amsterdam", "UTC"); offsets like "+01:00" are refused. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string("Choose a time zone")
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list (e.g. Europe/Amsterdam)");

/** The zones to offer in a picker: the runtime's IANA list, with UTC first. */
export function timeZoneChoices(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [DEFAULT_AGENCY_TIME_ZONE];
  return ["UTC", ...zones.filter((zone) => zone !== "UTC")];
}
