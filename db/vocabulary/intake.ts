/**
 * The mailbox intake's vocabularies (lib/intake). A message's status: `claimed` while one worker
 * handles it (a stale claim is taken over after a crash), `processed` when matched and done,
 * `triage` when no single merchant matched, then `assigned` or `dismissed` by a specialist.
 */
export const INTAKE_STATUSES = ["claimed", "processed", "triage", "assigned", "dismissed"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** How the sender was matched to a merchant, in the order they are tried. */
export const INTAKE_MATCHES = ["reply_address", "contact_email", "shop_domain", "assigned"] as const;
export type IntakeMatch = (typeof INTAKE_MATCHES)[number];

/** What happened to the message in the mailbox. */
export const INTAKE_REMOVALS = ["processed", "removed", "redacted", "left"] as const;
export type IntakeRemoval = (typeof INTAKE_REMOVALS)[number];
