import { parseArgs } from "node:util";
import { z } from "zod";
import { loadEnvFile } from "@/lib/load-env-file";

/**
 * Staff digests by hand (the digest-tick sends them on its own at 08:00 on working days):
 *   npm run digests -- send-now --staff tom@actenzo.test
 * Sends the person's digests of today now (daily with open merchants; weekly for leads), once per
 * day or week like the tick. Exit codes: 0 done, 1 failed, 2 bad flags.
 */
loadEnvFile();

const USAGE = "Usage: npm run digests -- send-now --staff EMAIL";
const flagsSchema = z.object({
  command: z.literal("send-now", { error: "the command must be send-now" }),
  staff: z.email("--staff must be an email address"),
});

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof flagsSchema.safeParse>;
try {
  const { values, positionals } = parseArgs({ options: { staff: { type: "string" } }, allowPositionals: true });
  parsed = flagsSchema.safeParse({ command: positionals[0], staff: values.staff });
} catch (error) {
  usage((error as Error).message);
}
if (!parsed.success) usage(parsed.error.issues.map((i) => i.message).join("\n"));

// Imported after loadEnvFile() so the database client sees .env.
const { sendDigestNow } = await import("@/lib/digests/send-digest-now");
const { closeDb } = await import("@/db/client");
let exitCode = 0;
try {
  const { planned, outcomes } = await sendDigestNow(parsed.data.staff);
  console.log(
    planned
      ? `Digests for ${parsed.data.staff}: ${outcomes.join(", ")}.`
      : `Nothing to send to ${parsed.data.staff}: already sent today, opted out, or no open merchants (and not a lead).`,
  );
} catch (error) {
  exitCode = 1;
  console.error(`Could not send the digest: ${(error as Error).message}`);
} finally {
  await closeDb();
}
process.exit(exitCode);
