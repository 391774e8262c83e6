import { isReminderLanguage, type ReminderLanguage } from "@/db/vocabulary/reminders";

/**
 * The page language for someone whose shop is not known (an expired or mistyped link): the first
 * of the browser's Accept-Language choices, by quality, that we write in; English otherwise.
 */
export function browserLanguage(acceptLanguage: string | null | undefined): ReminderLanguage {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((choice) => choice.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((choice) => choice.base).find(isReminderLanguage) ?? "en";
}
