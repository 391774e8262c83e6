import { z } from "zod";
import { isoDayOf } from "@/lib/time/wall-clock";

/**
 * A calendar day in a URL (report periods, audit filters): ISO "2026-12-05". A day typed first
 * ("05-12-2026", as the console's date fields show days) is accepted and read as that ISO day.
 */
export const dayParam = z.preprocess(
  (value) => (typeof value === "string" ? (isoDayOf(value) ?? value) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
);
