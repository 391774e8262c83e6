import postgres from "postgres";

/**
 * For tests that must backdate the append-only record (audit_log, merchant_events,
 * verification_runs): the app's role may not, so this runs `body` as the owner, in one
 * transaction that explicitly allows it (see the append-only trigger in the app-role migration).
 */
export async function rewriteHistory<T>(body: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("rewriteHistory: DATABASE_OWNER_URL is not set (tests/helpers/worker-setup.ts sets it)");
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await owner.begin(async (tx) => {
      await tx`set local actenzo.allow_history_rewrite = 'on'`;
      return body(tx);
    })) as T;
  } finally {
    await owner.end();
  }
}
