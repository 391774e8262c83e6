import { readdirSync } from "node:fs";
import path from "node:path";
import type { StaffActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The shared registry of mutating verbs for the role-matrix test (role-matrix.test.ts).
 *
 * HOW TO ADD YOUR VERBS: create `tests/integration/<domain>/<domain>.mutations.ts` that
 * `export default defineMutations([...])`, one case per mutating verb. Nothing else to edit:
 * the matrix test discovers every `*.mutations.ts` under tests/integration. For each case and
 * each of specialist, lead, admin and anonymous it runs `arrange()` (fresh data), then
 * `act(actor, data)`, and asserts exactly what PERMISSIONS says:
 *   allowed → resolves;   role lacks it → ForbiddenError;   anonymous → UnauthenticatedError;
 * and, if you give `happened`, that the change is visible after an allowed call and absent
 * after a refused one (a refused call must not have touched data first).
 *
 *   export default defineMutations([
 *     {
 *       name: "onboarding: cancel merchant",
 *       permission: "merchant:cancel",
 *       arrange: async () => ({ merchant: await createMerchant() }),
 *       act: (actor, { merchant }) => cancelMerchant(actor, { merchantId: merchant.id, reason: "Test" }),
 *       happened: async ({ merchant }) => (await getMerchant(merchant.id)).cancelledAt !== null,
 *     },
 *   ]);
 *
 * `act` receives a StaffActor (built by tests/factories/staff.ts) or null for anonymous; pass
 * it to your verb exactly as your server action would after `getActor()`.
 */
export type MutationCase<T = unknown> = {
  name: string;
  permission: Permission;
  arrange?: () => Promise<T>;
  act: (actor: StaffActor | null, data: T) => Promise<unknown>;
  happened?: (data: T) => Promise<boolean>;
};

/** Infers each case's `data` type from its own `arrange`, then collects them in one array. */
export function defineMutations<T extends unknown[]>(cases: { [K in keyof T]: MutationCase<T[K]> }): MutationCase[] {
  return cases as unknown as MutationCase[];
}

/** Loads every `tests/integration/**\/*.mutations.ts` default export. */
export async function loadMutationCases(): Promise<MutationCase[]> {
  const root = path.resolve(import.meta.dirname, "../integration");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mutations.ts"))
    .sort();
  const modules = await Promise.all(
    files.map((f) => import(path.join(root, f)) as Promise<{ default?: MutationCase[] }>),
  );
  return modules.flatMap((m, i) => {
    if (!Array.isArray(m.default)) throw new Error(`${files[i]} must \`export default defineMutations([...])\``);
    return m.default;
  });
}
