import { describe, expect, it } from "vitest";
import { dayParam } from "./day-param";

describe("dayParam", () => {
  it.each([
    ["2026-12-05", "2026-12-05"],
    ["05-12-2026", "2026-12-05"],
    ["5/12/2026", "2026-12-05"],
    ["5.12.2026", "2026-12-05"],
  ])("reads %j as the ISO day %s", (typed, iso) => {
    expect(dayParam.parse(typed)).toBe(iso);
  });

  it.each(["12/31/2026", "31-02-2026", "2026-12-05T10:00", "next week", ""])("refuses %j", (typed) => {
    expect(dayParam.safeParse(typed).success).toBe(false);
  });
});
