import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in";

const run = promisify(execFile);

/** Runs `npm run user:create` the way an operator would, against this worker's database. */
async function userCreate(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      "npx",
      ["tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/user-create.ts", ...args],
      { env: { ...process.env }, timeout: 30_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run user:create", () => {
  it("creates an admin and prints a one-time password that signs in", async () => {
    const result = await userCreate("--email", "First.Admin@Actenzo.test", "--role", "admin", "--name", "First Admin");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created admin First Admin <first.admin@actenzo.test>.");
    const password = result.stdout.match(/One-time password \(shown once, store it now\): (\S+)/)?.[1];
    expect(password).toHaveLength(20);
    await expect(
      signInWithPassword({ email: "first.admin@actenzo.test", password, ip: "192.0.2.50" }),
    ).resolves.toMatchObject({ role: "admin", name: "First Admin" });
  });

  it("fails clearly when the email exists", async () => {
    await userCreate("--email", "dup@actenzo.test", "--role", "lead");
    const again = await userCreate("--email", "DUP@actenzo.test", "--role", "admin");
    expect(again.code).toBe(3);
    expect(again.stderr).toContain("A staff account for dup@actenzo.test already exists.");
    expect(again.stdout).not.toContain("password");
  });

  it("rejects bad flags with usage and exit 2", async () => {
    const result = await userCreate("--email", "not-an-email", "--role", "owner");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--email must be an email address");
    expect(result.stderr).toContain("--role must be one of: specialist, lead, admin");
    expect(result.stderr).toContain("Usage: npm run user:create");
  });
});
