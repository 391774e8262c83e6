import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The guardrails in eslint.config.mjs fail on the imports and queries they exist to stop: each
 * case lints a deliberately wrong file (never written to disk) and expects the named rule; the
 * allowed direction of the same import must lint clean, so a rule that fires on everything fails too.
 */
let eslint: ESLint;
// Loading the config (Next's plugins, the import resolver, the data-module scan) takes seconds on
// a busy machine; pay it once here, under a hook timeout, not inside the first case.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export { cn } from "@/lib/utils";\n', { filePath: "lib/warm-up.ts" });
}, 180_000);

async function ruleIds(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("dependency boundaries", () => {
  const cases = [
    {
      name: "lib → jobs",
      file: "lib/onboarding/wrong.ts",
      code: 'export { startWorkers } from "@/jobs/start-workers";\n',
    },
    {
      name: "db → lib",
      file: "db/schema/wrong.ts",
      code: 'export { STEP_LABELS } from "@/lib/pipeline/pipeline";\n',
    },
    {
      name: "db/vocabulary → lib",
      file: "db/vocabulary/wrong.ts",
      code: 'export { ROLE_LABELS } from "@/lib/auth/roles";\n',
    },
    { name: "lightspeed engine → db", file: "lib/lightspeed/wrong.ts", code: 'export { db } from "@/db/client";\n' },
    {
      name: "components → a lib data module",
      file: "components/wrong.tsx",
      code: 'export type { StaffListRow } from "@/lib/staff/list-staff";\n',
    },
    { name: "components → db", file: "components/wrong-db.tsx", code: 'export { merchants } from "@/db/schema";\n' },
  ];

  it.each(cases)("$name fails lint", async ({ file, code }) => {
    expect(await ruleIds(file, code)).toContain("import/no-restricted-paths");
  });

  it("the allowed directions lint clean", async () => {
    expect(await ruleIds("jobs/wrong.ts", 'export { getQueue } from "@/lib/jobs/queues";\n')).toEqual([]);
    expect(await ruleIds("lib/verification/wrong.ts", 'export { db } from "@/db/client";\n')).toEqual([]);
    expect(await ruleIds("db/schema/wrong.ts", 'export { STEPS } from "@/db/vocabulary/onboarding";\n')).toEqual([]);
    expect(await ruleIds("components/wrong.tsx", 'export { cn } from "@/lib/utils";\n')).toEqual([]);
  });
});

describe("drizzle writes need where()", () => {
  const header = 'import { db } from "@/db/client";\nimport { merchants } from "@/db/schema";\n';

  it("a delete without where fails lint, on db and on tx", async () => {
    expect(
      await ruleIds("lib/onboarding/wrong.ts", `${header}export const wipe = () => db.delete(merchants);\n`),
    ).toContain("drizzle/enforce-delete-with-where");
    const inTx = `${header}export const wipe = () => db.transaction(async (tx) => { await tx.delete(merchants); });\n`;
    expect(await ruleIds("lib/onboarding/wrong.ts", inTx)).toContain("drizzle/enforce-delete-with-where");
  });

  it("an update without where fails lint; with where it passes", async () => {
    const update = `${header}export const touch = () => db.update(merchants).set({ updatedAt: new Date() });\n`;
    expect(await ruleIds("lib/onboarding/wrong.ts", update)).toContain("drizzle/enforce-update-with-where");
    const scoped = `${header}import { eq } from "drizzle-orm";\nexport const touch = (id: string) => db.update(merchants).set({ updatedAt: new Date() }).where(eq(merchants.id, id));\n`;
    expect(await ruleIds("lib/onboarding/wrong.ts", scoped)).toEqual([]);
  });
});
