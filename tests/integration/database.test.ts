import { describe, expect, it } from "vitest";
import { sql } from "@/db/client";

describe("test database", () => {
  it("each worker runs on its own migrated database", async () => {
    const [row] = await sql<{ name: string }[]>`select current_database() as name`;
    expect(row?.name).toMatch(/^t_[a-z0-9]+_w\d+$/);
    const tables = await sql`select tablename from pg_tables where schemaname = 'public' and tablename = 'merchants'`;
    expect(tables).toHaveLength(1);
  });
});
