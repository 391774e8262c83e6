import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args";
import { parseInstant } from "./instant";

const base = [
  "business-time",
  "--from",
  "2026-11-27T16:00:00+01:00",
  "--to",
  "2026-11-30T10:00:00Z",
  "--tz",
  "Europe/Amsterdam",
];
const error = (argv: string[]) => {
  const args = parseCliArgs(argv);
  return args.kind === "usage_error" ? args.message : null;
};

describe("parseCliArgs", () => {
  it("reads the documented flags with their defaults", () => {
    expect(parseCliArgs(base)).toEqual({
      kind: "run",
      options: {
        from: new Date("2026-11-27T15:00:00Z"),
        to: new Date("2026-11-30T10:00:00Z"),
        json: false,
        calendar: {
          timeZone: "Europe/Amsterdam",
          hours: { start: 540, end: 1050 },
          days: ["mon", "tue", "wed", "thu", "fri"],
          closed: [],
        },
      },
    });
  });
  it("reads country, hours (24:00 end), days and closures", () => {
    const args = parseCliArgs([
      ...base,
      ...[
        "--country",
        "nl",
        "--hours",
        "08:00-24:00",
        "--days",
        "sat,SUN",
        "--closed",
        "2026-12-24,2026-12-31",
        "--json",
      ],
    ]);
    expect(args).toMatchObject({
      kind: "run",
      options: {
        json: true,
        calendar: {
          country: "NL",
          hours: { start: 480, end: 1440 },
          days: ["sat", "sun"],
          closed: ["2026-12-24", "2026-12-31"],
        },
      },
    });
  });
  it.each([
    [["--tz", "Europe/Atlantis"], "--tz must be an IANA time zone"],
    [["--country", "XX"], "--country: country must be a known ISO 3166-1 alpha-2 code"],
    [["--country", "NLD"], "--country: country must be a known"],
    [["--hours", "9-17"], "--hours: hours must be HH:MM-HH:MM"],
    [["--hours", "09:00-24:30"], "--hours: hours must be HH:MM-HH:MM"],
    [["--hours", "17:30-09:00"], "--hours: hours must start before they end"],
    [["--hours", "09:00-09:00"], "--hours: hours must start before they end"],
    [["--days", "mon,funday"], "--days: days must be weekdays"],
    [["--days", ""], "--days"],
    [["--closed", "2026-02-30"], "--closed: closed dates must be YYYY-MM-DD"],
    [["--from", "2026-11-27T16:00:00"], "--from must be an ISO 8601 instant with an offset or Z"],
    [["--to", "next monday"], "--to must be an ISO 8601 instant"],
    [["--whenever", "x"], "Unknown option '--whenever'"],
  ])("refuses %j", (extra, message) => {
    expect(error([...base, ...extra])).toContain(message);
  });
  it("requires --from, --to and --tz, and the one command", () => {
    expect(error(["business-time", "--tz", "UTC"])).toBe("--from is required; --to is required");
    expect(error(["business-time", "--from", "2026-01-01T00:00Z", "--to", "2026-01-02T00:00Z"])).toBe(
      "--tz is required",
    );
    expect(error(base.slice(1))).toBe("expected exactly one command: business-time");
    expect(error(["calendar-time", ...base.slice(1)])).toBe("the only command is business-time");
  });
  it("answers --help", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
  });
});

describe("parseInstant: ISO 8601 with an offset or Z", () => {
  it.each([
    ["2026-11-27T16:00:00Z", "2026-11-27T16:00:00.000Z"],
    ["2026-11-27T16:00Z", "2026-11-27T16:00:00.000Z"],
    ["2026-11-27T16:00:00.250+01:00", "2026-11-27T15:00:00.250Z"],
    ["2026-11-27T16:00:00-0500", "2026-11-27T21:00:00.000Z"],
    ["2026-11-27t16:00:00z", "2026-11-27T16:00:00.000Z"],
  ])("reads %s", (value, iso) => {
    expect(parseInstant(value)?.toISOString()).toBe(iso);
  });
  it.each([
    "2026-11-27T16:00:00",
    "2026-11-27",
    "2026-02-30T10:00:00Z",
    "2026-11-27T24:00:00Z",
    "1764259200",
    "27/11/2026 16:00Z",
    "2026-11-27T16:00:00+25:00",
  ])("refuses %s", (value) => {
    expect(parseInstant(value)).toBeNull();
  });
});
