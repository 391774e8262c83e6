import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { connectLinks } from "@/db/schema";

export async function linkRow(id: string) {
  const [row] = await db.select().from(connectLinks).where(eq(connectLinks.id, id));
  if (!row) throw new Error(`connect link ${id} not found`);
  return row;
}
