import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST } from "@/app/api/signups/route";
import { db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { runAction } from "@/lib/action-result";
import { revealSecret } from "@/lib/credentials";
import { recordKeyHalf, recordSecretHalf } from "@/lib/verification";
import { recordKeyFormSchema, revealSecretFormSchema } from "@/lib/credentials/forms";
import { ValidationError } from "@/lib/errors";
import { setLogSink } from "@/lib/logger";
import {
  addNote,
  cancelMerchant,
  holdMerchant,
  requireMerchantAction,
  signupInputSchema,
  undoStep,
} from "@/lib/onboarding";
import { cancelFormSchema, holdFormSchema, noteFormSchema, undoStepFormSchema } from "@/lib/onboarding/workspace/forms";
import { acceptInvite } from "@/lib/staff/accept-invite";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import { buildSignup, createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { TEST_ENV } from "@/tests/helpers/test-env";
import { newCredential } from "@/tests/factories/credential";

/** Submitted values carry this marker, so a test can tell whether any of them reached a log line. */
const MARK = "Zq7marker";
const NUL = `${MARK} Wijnhuis\u0000de Bron`;
const LONE = `${MARK} Wijnhuis \uD83C`;

let lines: string[] = [];
let restore: () => void;
beforeEach(() => {
  lines = [];
  restore = setLogSink((line) => lines.push(line));
});
afterEach(() => {
  restore();
  expect(lines.join("\n")).not.toContain(MARK);
});

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof z.ZodError) return z.flattenError(error).fieldErrors as Record<string, string[]>;
  throw new Error(`expected a field error, got ${String(error)}`);
}

describe("NUL and lone surrogates in text fields", () => {
  it.each(["company", "shopName", "contactName"] as const)(
    "POST /api/signups answers 400 with a field error for %s",
    async (field) => {
      for (const value of [NUL, LONE]) {
        const headers = new Headers({
          "content-type": "application/json",
          authorization: `Bearer ${TEST_ENV.SIGNUPS_API_TOKEN}`,
        });
        const response = await POST(
          new Request("http://localhost/api/signups", {
            method: "POST",
            headers,
            body: JSON.stringify(buildSignup({ [field]: value })),
          }),
        );
        expect(response.status).toBe(400);
        const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
        expect(body.fieldErrors[field]).toEqual([UNSTORABLE_TEXT_MESSAGE]);
      }
    },
  );

  it("the console's new-merchant form refuses them per field", () => {
    const result = signupInputSchema.safeParse(buildSignup({ company: NUL, contactName: LONE }));
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toMatchObject({
      company: [UNSTORABLE_TEXT_MESSAGE],
      contactName: [UNSTORABLE_TEXT_MESSAGE],
    });
  });

  it("notes, hold / cancel / undo / action reasons: a field error from the form and from the verb, nothing stored", async () => {
    const { actor } = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    const merchantId = merchant.id;
    expect((await fieldErrorsOf(addNote(actor, { merchantId, note: NUL }))).note).toEqual([UNSTORABLE_TEXT_MESSAGE]);
    expect((await fieldErrorsOf(holdMerchant(actor, { merchantId, reason: LONE }))).reason).toEqual([
      UNSTORABLE_TEXT_MESSAGE,
    ]);
    expect((await fieldErrorsOf(cancelMerchant(actor, { merchantId, reason: NUL }))).reason).toEqual([
      UNSTORABLE_TEXT_MESSAGE,
    ]);
    expect((await fieldErrorsOf(undoStep(actor, { merchantId, stage: "signed_up", reason: NUL }))).reason).toEqual([
      UNSTORABLE_TEXT_MESSAGE,
    ]);
    expect((await fieldErrorsOf(requireMerchantAction(actor, { merchantId, reason: NUL }))).reason).toEqual([
      UNSTORABLE_TEXT_MESSAGE,
    ]);
    for (const [schema, input] of [
      [noteFormSchema, { merchantId, note: NUL }],
      [holdFormSchema, { merchantId, reason: NUL }],
      [cancelFormSchema, { merchantId, reason: LONE }],
      [undoStepFormSchema, { merchantId, stage: "signed_up", reason: NUL }],
      [revealSecretFormSchema, { merchantId, credentialId: merchantId, reason: NUL }],
      [recordKeyFormSchema, { merchantId, key: NUL }],
    ] as const) {
      const result = (schema as z.ZodType).safeParse(input);
      expect(result.success).toBe(false);
      expect(Object.values(z.flattenError(result.error!).fieldErrors).flat()).toContain(UNSTORABLE_TEXT_MESSAGE);
    }
  });

  it("the reveal reason", async () => {
    const { actor } = await createStaff({ role: "lead" });
    const merchant = await createMerchant();
    await recordKeyHalf(actor, { merchantId: merchant.id, key: newCredential() });
    const { credentialId } = await recordSecretHalf(actor, { merchantId: merchant.id, secret: newCredential() });
    expect((await fieldErrorsOf(revealSecret(actor, { credentialId, reason: NUL }))).reason).toEqual([
      UNSTORABLE_TEXT_MESSAGE,
    ]);
  });

  it("staff names (invite) and the invite page's password", async () => {
    const admin = await createStaff({ role: "admin" });
    const errors = await fieldErrorsOf(
      inviteStaff(admin.actor, { name: NUL, email: `nul-${Date.now()}@staff.test`, role: "specialist" }),
    );
    expect(errors.name).toEqual([UNSTORABLE_TEXT_MESSAGE]);
    const password = `${MARK} long pass\u0000word`;
    const invite = await fieldErrorsOf(acceptInvite({ token: "x".repeat(43), password, passwordConfirm: password }));
    expect(invite.password).toEqual([UNSTORABLE_TEXT_MESSAGE]);
  });
});

describe("error log lines from the database", () => {
  it("carry the SQLSTATE, the constraint and a request id; never SQL text, parameters or submitted values", async () => {
    const { user } = await createStaff();
    const result = await runAction(() =>
      db.insert(staffUsers).values({ email: user.email, name: `${MARK} Duplicate`, role: "specialist" }),
    );
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Reference [0-9a-f]{8}/) });
    const line = JSON.parse(lines.at(-1)!) as { requestId: string; error: { cause?: Record<string, unknown> } };
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.error.cause).toMatchObject({
      name: "PostgresError",
      code: "23505",
      constraint: "staff_users_email_unique",
      table: "staff_users",
    });
    const text = lines.join("\n");
    expect(text).not.toMatch(/insert into|params:/i);
    expect(text).not.toContain(user.email);

    // A NUL that slipped past validation: the driver's error is logged by code only.
    await runAction(() =>
      db.insert(staffUsers).values({ email: `x-${Date.now()}@staff.test`, name: `${MARK}\u0000`, role: "specialist" }),
    );
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      message: "server action failed",
      error: { cause: { code: "22021" } },
    });
  });
});
