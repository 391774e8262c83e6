import type { Step } from "@/lib/pipeline/steps";

/**
 * Click-by-click how-to for Actenzo's own steps, the counterpart of the merchant's instructions.
 * Written from the merchant guide's facts (docs: /work/shared/reference/merchant-guide-facts.md):
 * the merchant creates our user with a dummy password; we set our own through a password reset.
 */
export const AGENCY_HOW_TO: Partial<Record<Step, readonly string[]>> = {
  password_reset: [
    "Open the shop's Lightspeed eCom back-office sign-in page and choose “Forgot your password?”.",
    "Enter the email address of our back-office user (the one the merchant created for us) and send the reset.",
    "Open the reset email in our access mailbox, set a new strong password and store it in the team's password manager.",
    "Sign in once with it to check the user is Approved with Full permissions, then mark this step done.",
  ],
  key_verified: [
    "Nothing to click when it goes well: once the key and the secret are recorded, the console checks the pair with Lightspeed and completes this step.",
    "If it stays open, press “Verify now” in the credentials panel and read the verdict.",
    "A rejected pair or missing permissions is put to the merchant (“Ask merchant to act”) with the checkboxes to tick.",
  ],
  live: [
    "Configure the merchant's feed (for example the Vivino promo) with the verified key.",
    "Check that the first feed run reads the shop's products, then mark Live done.",
  ],
};

/** What the console waits for while `stage` is the current step, in the present tense. */
export const AWAITING: Record<Step, string> = {
  signed_up: "Waiting for the sign-up",
  user_created: "Waiting for the merchant to create our back-office user",
  user_approved: "Waiting for the merchant to approve our user with full permissions",
  password_reset: "Our turn: set our user's password through a password reset",
  key_received: "Waiting for the API key",
  secret_received: "Waiting for the API secret",
  key_verified: "Our turn: verify the API key",
  live: "Our turn: configure the feed and go live",
};
