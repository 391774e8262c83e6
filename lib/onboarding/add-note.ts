import { z } from "zod";
import { authorize, type Actor } from "@/lib/auth/actor";
import {
  merchantIdSchema,
  noteSchema,
  parseInput,
  recordChange,
  saveMerchant,
  withLockedMerchant,
  type VerbOptions,
} from "./merchant-write";

const inputSchema = z.object({ merchantId: merchantIdSchema, note: noteSchema });

/** Adds a note to the timeline. The one change a cancelled merchant still accepts. */
export async function addNote(
  actor: Actor,
  input: { merchantId: string; note: string },
  options?: VerbOptions,
): Promise<void> {
  authorize(actor, "merchant:update");
  const { merchantId, note } = parseInput(inputSchema, input);

  await withLockedMerchant(
    merchantId,
    async (locked) => {
      await saveMerchant(locked, locked.done);
      await recordChange(locked.tx, { merchantId, actor, type: "note", note, at: locked.now, action: "note_added" });
    },
    options,
  );
}
