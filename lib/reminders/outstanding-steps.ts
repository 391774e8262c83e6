import { grantLabel } from "@/lib/lightspeed/coverage";
import type { GrantName } from "@/lib/lightspeed/vocabulary";
import type { Step } from "@/lib/pipeline/steps";
import type { ReminderStep } from "./email/copy";
import type { OutstandingStep } from "./email/reminder-email";

const MERCHANT_STEPS = ["user_created", "user_approved", "key_received", "secret_received"] as const;

/**
 * Every step the merchant still owes, in guide order, with exactly what is missing: the other
 * half of the key when one arrived, and the checkboxes the last verification found unticked
 * while the key is not verified. Pure; the composer loads the facts.
 */
export function outstandingSteps(input: {
  done: ReadonlySet<Step>;
  /** `missing` of the merchant's latest full verification run, if it found a permission gap. */
  lastRunMissing: readonly string[] | null;
}): OutstandingStep[] {
  const { done } = input;
  const steps: OutstandingStep[] = [];
  for (const step of MERCHANT_STEPS) {
    if (done.has(step)) continue;
    const entry: OutstandingStep = { step };
    if (step === "key_received" && done.has("secret_received")) entry.missingHalf = "key";
    if (step === "secret_received" && done.has("key_received")) entry.missingHalf = "secret";
    steps.push(entry);
  }
  const keyOpen = !done.has("key_verified") && done.has("key_received") && done.has("secret_received");
  if (keyOpen && input.lastRunMissing?.length) {
    steps.push({ step: "key_verified", unticked: input.lastRunMissing.map((g) => grantLabel(g as GrantName)) });
  }
  return steps;
}

export const REMINDER_STEPS: readonly ReminderStep[] = [...MERCHANT_STEPS, "key_verified"];
