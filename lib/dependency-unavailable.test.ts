import { drizzle } from "drizzle-orm/postgres-js";
import { sql as dsql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";
import { toDependencyUnavailable } from "./dependency-unavailable";
import { DependencyUnavailableError, NotFoundError } from "./errors";

/** A port nothing listens on: the driver's own "connection refused", not a hand-made error. */
const NOWHERE = "postgres://actenzo_app@127.0.0.1:1/nowhere";

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("toDependencyUnavailable", () => {
  it("recognises an unreachable database, from the driver directly and through drizzle", async () => {
    const client = postgres(NOWHERE, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      expect(toDependencyUnavailable(await failure(() => client`select 1`))).toMatchObject({
        dependency: "database",
        retryAfterSeconds: 10,
      });
      expect(toDependencyUnavailable(await failure(() => drizzle(client).execute(dsql`select 1`)))?.dependency).toBe(
        "database",
      );
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it("treats a statement cut off by the timeout as unavailable, and a bad query as a bug", async () => {
    const timedOut = await failure(() =>
      sql.begin(async (tx) => {
        await tx`set local statement_timeout = '20ms'`;
        await tx`select pg_sleep(1)`;
      }),
    );
    expect(toDependencyUnavailable(timedOut)?.message).toBe(
      "The database is temporarily unavailable. Please try again in a minute.",
    );
    expect(toDependencyUnavailable(await failure(() => sql`select * from no_such_table`))).toBeNull();
  });

  it("leaves other services' connection failures and domain errors alone", async () => {
    expect(toDependencyUnavailable(await failure(() => fetch("http://127.0.0.1:1/")))).toBeNull();
    expect(toDependencyUnavailable(new NotFoundError("Merchant"))).toBeNull();
    const known = new DependencyUnavailableError("redis");
    expect(toDependencyUnavailable(known)).toBe(known);
    expect(known.digest).toBe("DEPENDENCY_UNAVAILABLE:redis");
  });
});
