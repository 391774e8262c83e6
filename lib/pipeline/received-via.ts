/**
 * How a key or secret half reached us, recorded on the step and the credential. One tuple feeds
 * the step evidence, the credential verbs and the forms' labels.
 */
export const RECEIVED_VIA_CHANNELS = ["email", "connect_link", "console"] as const;
export type ReceivedVia = (typeof RECEIVED_VIA_CHANNELS)[number];

/** What staff may pick in the console; `connect_link` is set only by the merchant's secure link. */
export const STAFF_CHANNELS = ["email", "console"] as const satisfies readonly ReceivedVia[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

export const RECEIVED_VIA_LABELS: Record<ReceivedVia, string> = {
  email: "Email",
  connect_link: "Secure link",
  console: "Phone / other",
};
