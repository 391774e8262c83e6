import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

type Run = { code: number; stdout: string; stderr: string };

/**
 * The documented command line (`npm run --silent sla -- …`), or the script it runs directly
 * (cheaper, for the many refusals), with a minimal environment: no DATABASE_URL, no secrets.
 */
const sla = (...args: string[]) => spawn("npm", ["run", "--silent", "sla", "--", ...args]);
const script = (...args: string[]) => spawn("node_modules/.bin/tsx", ["lib/sla/cli/main.ts", ...args]);

function spawn(command: string, args: string[]): Promise<Run> {
  const env = { NODE_ENV: "production" as const, PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
  return new Promise((resolve) => {
    execFile(command, args, { env, cwd: process.cwd(), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const span = ["--from", "2026-04-24T00:00:00Z", "--to", "2026-04-29T00:00:00+02:00"];

describe("npm run --silent sla -- business-time", { timeout: 90_000 }, () => {
  it("prints one JSON object with the seconds and exits 0 (King's Day off with --country NL)", async () => {
    const [withHolidays, without] = await Promise.all([
      sla("business-time", ...span, "--tz", "Europe/Amsterdam", "--country", "NL", "--json"),
      sla("business-time", ...span, "--tz", "Europe/Amsterdam", "--json"),
    ]);
    expect(withHolidays).toMatchObject({ code: 0, stderr: "" });
    expect(withHolidays.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(withHolidays.stdout)).toMatchObject({
      seconds: 17 * 3600,
      tz: "Europe/Amsterdam",
      country: "NL",
    });
    expect(JSON.parse(without.stdout)).toMatchObject({ seconds: 25.5 * 3600, country: null });
  });

  it("counts a 25-hour fall-back day with --hours 00:00-24:00 in New York, and prints a human line without --json", async () => {
    const run = await sla(
      "business-time",
      ...["--from", "2026-11-01T00:00:00-04:00", "--to", "2026-11-02T00:00:00-05:00"],
      ...["--tz", "America/New_York", "--hours", "00:00-24:00", "--days", "sun"],
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^90000 business seconds \(25 h\) .* in America\/New_York, sun 00:00-24:00/);
  });

  it("gives 0 when --to is before --from", async () => {
    const run = await sla(
      "business-time",
      "--from",
      "2026-12-02T10:00:00Z",
      "--to",
      "2026-12-01T10:00:00Z",
      "--tz",
      "UTC",
      "--json",
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).seconds).toBe(0);
  });

  const good = ["business-time", ...span, "--tz", "Europe/Amsterdam", "--json"];
  it.each([
    ["unknown zone", [...good, "--tz", "Mars/Olympus"], "--tz must be an IANA time zone"],
    ["unknown country", [...good, "--country", "QQ"], "--country"],
    ["bad hours", [...good, "--hours", "9:00-17:30"], "--hours"],
    ["hours starting at their end", [...good, "--hours", "17:30-09:00"], "start before they end"],
    ["bad weekday", [...good, "--days", "mon,tues"], "--days"],
    [
      "instant without an offset",
      ["business-time", "--from", "2026-04-24T09:00:00", "--to", "2026-04-29T00:00:00Z", "--tz", "UTC"],
      "--from must be an ISO 8601 instant",
    ],
    ["unknown flag", [...good, "--week-start", "mon"], "Unknown option '--week-start'"],
    ["missing --tz", ["business-time", ...span], "--tz is required"],
  ])("exits 2 with a message on stderr and nothing on stdout: %s", async (_kind, args, message) => {
    const run = await script(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage: npm run --silent sla -- business-time");
  });
});
