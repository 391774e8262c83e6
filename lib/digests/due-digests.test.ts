import { describe, expect, it } from "vitest";
import { parseCalendar } from "@/lib/sla/calendar";
import { dueDigests, type DigestCandidate } from "./due-digests";

// The stored agency calendar's defaults: Mon–Fri 09:00–17:30, Dutch public holidays off.
const AGENCY = parseCalendar({ timeZone: "Europe/Amsterdam", country: "NL", closed: "2026-12-24" });

const person = (staffId: string, timeZone: string, over: Partial<DigestCandidate> = {}): DigestCandidate => ({
  staffId,
  role: "specialist",
  timeZone,
  daily: true,
  weekly: true,
  hasOpenMerchants: true,
  ...over,
});
const NYC = person("nyc", "America/New_York");
const AMS = person("ams", "Europe/Amsterdam");
const keysAt = (iso: string, who: DigestCandidate[] = [NYC, AMS]) =>
  dueDigests(who, new Date(iso), AGENCY).map((d) => d.dedupeKey);

describe("the morning digest goes at 08:00 in the specialist's own zone", () => {
  it("New York around its spring-forward (8 Mar 2026): 08:00 EST is 13:00 UTC, 08:00 EDT is 12:00 UTC", () => {
    expect(keysAt("2026-03-06T12:59:00Z", [NYC])).toEqual([]);
    expect(keysAt("2026-03-06T13:00:00Z", [NYC])).toEqual(["digest:nyc:daily:2026-03-06"]);
    expect(keysAt("2026-03-09T11:59:00Z", [NYC])).toEqual([]);
    expect(keysAt("2026-03-09T12:00:00Z", [NYC])).toEqual(["digest:nyc:daily:2026-03-09"]);
  });

  it("Amsterdam around its spring-forward (29 Mar 2026): 07:00 UTC on Friday, 06:00 UTC on Monday", () => {
    expect(keysAt("2026-03-27T06:59:00Z", [AMS])).toEqual([]);
    expect(keysAt("2026-03-27T07:00:00Z", [AMS])).toEqual(["digest:ams:daily:2026-03-27"]);
    expect(keysAt("2026-03-30T05:59:00Z", [AMS])).toEqual([]);
    expect(keysAt("2026-03-30T06:00:00Z", [AMS])).toEqual(["digest:ams:daily:2026-03-30"]);
  });

  it("in the autumn week when Amsterdam has fallen back and New York not yet, each gets its own 08:00", () => {
    // Mon 26 Oct 2026: Amsterdam is on CET (UTC+1), New York still on EDT (UTC−4).
    expect(keysAt("2026-10-26T06:30:00Z")).toEqual([]);
    expect(keysAt("2026-10-26T07:00:00Z")).toEqual(["digest:ams:daily:2026-10-26"]);
    expect(keysAt("2026-10-26T12:00:00Z")).toEqual(["digest:nyc:daily:2026-10-26", "digest:ams:daily:2026-10-26"]);
    // Mon 2 Nov 2026: New York has fallen back too (EST, UTC−5).
    expect(keysAt("2026-11-02T12:30:00Z", [NYC])).toEqual([]);
    expect(keysAt("2026-11-02T13:00:00Z", [NYC])).toEqual(["digest:nyc:daily:2026-11-02"]);
  });

  it("skips weekends, the agency's public holidays and closure days", () => {
    for (const iso of ["2026-03-28T14:00:00Z", "2026-03-29T14:00:00Z", "2026-04-06T14:00:00Z", "2026-12-24T14:00:00Z"])
      expect(keysAt(iso), iso).toEqual([]);
  });

  it("names one key per local date however often the tick runs, and stops at the end of the working day", () => {
    const day = ["2026-03-09T12:00:00Z", "2026-03-09T15:05:00Z", "2026-03-09T21:29:00Z"].flatMap((iso) =>
      keysAt(iso, [NYC]),
    );
    expect(new Set(day)).toEqual(new Set(["digest:nyc:daily:2026-03-09"]));
    // 17:30 EDT: too late for a morning digest; the next one is Tuesday's.
    expect(keysAt("2026-03-09T21:30:00Z", [NYC])).toEqual([]);
    // 00:30 Tuesday in Amsterdam while it is still Monday evening in New York: nobody is due.
    expect(keysAt("2026-03-09T23:30:00Z")).toEqual([]);
    expect(keysAt("2026-03-10T12:00:00Z", [NYC])).toEqual(["digest:nyc:daily:2026-03-10"]);
  });

  it("sends nothing to someone who opted out or has no open merchants", () => {
    const at = "2026-03-09T12:00:00Z";
    expect(keysAt(at, [person("a", "America/New_York", { daily: false })])).toEqual([]);
    expect(keysAt(at, [person("b", "America/New_York", { hasOpenMerchants: false })])).toEqual([]);
  });
});

describe("the lead's weekly digest", () => {
  const lead = person("lead", "Europe/Amsterdam", { role: "lead", hasOpenMerchants: false });

  it("goes on Monday from 08:00 local, keyed by the ISO week, and only to leads who want it", () => {
    expect(keysAt("2026-11-30T06:59:00Z", [lead])).toEqual([]);
    expect(keysAt("2026-11-30T07:00:00Z", [lead])).toEqual(["digest:lead:weekly:2026-W49"]);
    expect(keysAt("2026-12-02T07:00:00Z", [lead])).toEqual(["digest:lead:weekly:2026-W49"]);
    expect(keysAt("2026-11-30T07:00:00Z", [{ ...lead, weekly: false }])).toEqual([]);
    expect(keysAt("2026-11-30T07:00:00Z", [{ ...lead, role: "specialist" }])).toEqual([]);
  });

  it("waits for Tuesday after a holiday Monday (Easter Monday 2026)", () => {
    expect(keysAt("2026-04-06T08:00:00Z", [lead])).toEqual([]);
    expect(keysAt("2026-04-07T06:00:00Z", [lead])).toEqual(["digest:lead:weekly:2026-W15"]);
  });

  it("comes with the daily digest for a lead who also holds merchants", () => {
    expect(keysAt("2026-11-30T07:00:00Z", [{ ...lead, hasOpenMerchants: true }])).toEqual([
      "digest:lead:daily:2026-11-30",
      "digest:lead:weekly:2026-W49",
    ]);
  });
});

describe("send-now", () => {
  it("sends outside the window and on a day off, still once per local date", () => {
    const sunday = new Date("2026-11-29T20:00:00Z");
    expect(dueDigests([AMS], sunday, AGENCY, { force: true }).map((d) => d.dedupeKey)).toEqual([
      "digest:ams:daily:2026-11-29",
    ]);
  });
});
