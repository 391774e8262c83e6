import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { createMerchant } from "@/tests/factories/merchant";
import { rewriteHistory } from "@/tests/helpers/rewrite-history";

const APPEND_ONLY = ["audit_log", "merchant_events", "verification_runs"] as const;

describe("the append-only record", () => {
  it("the app connects as its own role, not as a superuser", async () => {
    const [me] = await sql<{ user: string; superuser: boolean; timeout: string }[]>`
      select current_user as user, rolsuper as superuser, current_setting('statement_timeout') as timeout
      from pg_roles where rolname = current_user`;
    expect(me).toEqual({ user: "actenzo_app", superuser: false, timeout: "5s" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit_log, merchant_events and verification_runs to the app's role", async () => {
    const merchant = await createMerchant();
    const [audit] = await sql<{ id: number }[]>`select id from audit_log where entity_id = ${merchant.id} limit 1`;
    expect(audit).toBeDefined();

    await expect(sql`update audit_log set action = 'merchant.forged' where id = ${audit!.id}`).rejects.toMatchObject({
      code: "42501",
    });
    await expect(sql`delete from audit_log where id = ${audit!.id}`).rejects.toMatchObject({ code: "42501" });
    for (const table of APPEND_ONLY) {
      await expect(sql`update ${sql(table)} set created_at = now() where false`).rejects.toMatchObject({
        code: "42501",
      });
      await expect(sql`delete from ${sql(table)} where false`).rejects.toMatchObject({ code: "42501" });
      await expect(sql`truncate ${sql(table)}`).rejects.toMatchObject({ code: "42501" });
    }
    const [still] = await sql<{ action: string }[]>`select action from audit_log where id = ${audit!.id}`;
    expect(still?.action).not.toBe("merchant.forged");

    // Appending still works, and so do the working tables.
    await sql`insert into audit_log (action, entity_type, entity_id) values ('test.append', 'merchant', ${merchant.id})`;
    await sql`update merchants set last_activity_at = now() where id = ${merchant.id}`;
  });

  it("refuses the owner too, unless its transaction explicitly allows rewriting history", async () => {
    const merchant = await createMerchant();
    await expect(
      rewriteHistoryWithout(`delete from merchant_events where merchant_id = '${merchant.id}'`),
    ).rejects.toThrow(/DELETE on merchant_events refused: the table is append-only/);
    // A cascade is refused as well: a merchant with a history cannot simply be deleted.
    await expect(rewriteHistoryWithout(`delete from merchants where id = '${merchant.id}'`)).rejects.toThrow(
      /append-only/,
    );

    const deleted = await rewriteHistory(
      (tx) => tx`delete from merchant_events where merchant_id = ${merchant.id} returning id`,
    );
    expect(deleted.length).toBeGreaterThan(0);
  });
});

/** As the owner, without the explicit allowance. */
async function rewriteHistoryWithout(statement: string) {
  const postgres = (await import("postgres")).default;
  const owner = postgres(process.env.DATABASE_OWNER_URL!, { max: 1, onnotice: () => {} });
  try {
    await owner.unsafe(statement);
  } finally {
    await owner.end();
  }
}
