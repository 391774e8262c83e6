import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatEndOfDay, formatTime, zoneLabel } from "./format";

const AMS = "Europe/Amsterdam";
const NYC = "America/New_York";
const at = (iso: string) => new Date(iso);

describe("formatDateTime: 24-hour, day before month, with the zone's label", () => {
  it("writes one moment in each viewer's zone", () => {
    expect(formatDateTime(at("2026-11-29T13:20:00Z"), AMS)).toBe("29 Nov 2026, 14:20 CET");
    expect(formatDateTime(at("2026-11-29T13:20:00Z"), NYC)).toBe("29 Nov 2026, 08:20 EST");
    expect(formatDateTime(at("2026-11-29T13:20:00Z"), "UTC")).toBe("29 Nov 2026, 13:20 UTC");
  });
  it("switches label and offset either side of Amsterdam's changes", () => {
    expect(formatDateTime(at("2026-03-29T00:59:00Z"), AMS)).toBe("29 Mar 2026, 01:59 CET");
    expect(formatDateTime(at("2026-03-29T01:00:00Z"), AMS)).toBe("29 Mar 2026, 03:00 CEST");
    expect(formatDateTime(at("2026-10-25T00:30:00Z"), AMS)).toBe("25 Oct 2026, 02:30 CEST");
    expect(formatDateTime(at("2026-10-25T01:30:00Z"), AMS)).toBe("25 Oct 2026, 02:30 CET");
  });
  it("switches label and offset either side of New York's changes", () => {
    expect(formatDateTime(at("2026-03-08T06:59:00Z"), NYC)).toBe("8 Mar 2026, 01:59 EST");
    expect(formatDateTime(at("2026-03-08T07:00:00Z"), NYC)).toBe("8 Mar 2026, 03:00 EDT");
    expect(formatDateTime(at("2026-11-01T05:30:00Z"), NYC)).toBe("1 Nov 2026, 01:30 EDT");
    expect(formatDateTime(at("2026-11-01T06:30:00Z"), NYC)).toBe("1 Nov 2026, 01:30 EST");
  });
  it("writes midnight as 00:00, never 24:00 or 12 AM", () => {
    expect(formatDateTime(at("2026-12-04T23:00:00Z"), AMS)).toBe("5 Dec 2026, 00:00 CET");
  });
});

describe("zoneLabel", () => {
  it("prefers the common abbreviation and falls back to the offset", () => {
    expect(zoneLabel(at("2026-07-01T12:00:00Z"), "Europe/London")).toBe("BST");
    expect(zoneLabel(at("2026-07-01T12:00:00Z"), NYC)).toBe("EDT");
    expect(zoneLabel(at("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe("GMT+5:30");
  });
});

describe("formatDate, formatTime", () => {
  it("gives the calendar day and clock in the zone", () => {
    expect(formatDate(at("2026-12-05T03:00:00Z"), AMS)).toBe("5 Dec 2026");
    expect(formatDate(at("2026-12-05T03:00:00Z"), NYC)).toBe("4 Dec 2026");
    expect(formatTime(at("2026-12-05T03:00:00Z"), NYC)).toBe("22:00 EST");
  });
});

describe("formatEndOfDay", () => {
  it("writes an end at midnight as the end of the day before, in that zone", () => {
    expect(formatEndOfDay(at("2026-12-05T23:00:00Z"), AMS)).toBe("5 Dec 2026, end of day CET");
    expect(formatEndOfDay(at("2026-10-25T23:00:00Z"), AMS)).toBe("25 Oct 2026, end of day CET");
  });
  it("writes any other end exactly (another zone's midnight is a time of day here)", () => {
    expect(formatEndOfDay(at("2026-12-05T23:00:00Z"), NYC)).toBe("5 Dec 2026, 18:00 EST");
  });
});

describe("formatDateTime in zones without a British abbreviation", () => {
  it("takes the American abbreviation, or else the offset", () => {
    expect(formatDateTime(at("2026-07-01T12:00:00Z"), "America/Chicago")).toBe("1 Jul 2026, 07:00 CDT");
    expect(formatDateTime(at("2026-07-01T12:00:00Z"), "Asia/Kolkata")).toBe("1 Jul 2026, 17:30 GMT+5:30");
    expect(formatDateTime(at("2026-07-01T12:00:00Z"), "Europe/London")).toBe("1 Jul 2026, 13:00 BST");
  });
});
