/** The form's fields, in the order of the sign-up schema; shared by the form and its action. */
export const SIGNUP_FIELDS = [
  "company",
  "shopName",
  "shopDomain",
  "cluster",
  "language",
  "country",
  "timeZone",
  "contactName",
  "contactEmail",
] as const;
export type SignupField = (typeof SIGNUP_FIELDS)[number];

export type NewMerchantState = {
  error: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the shop domain is already known: the form links to that merchant. */
  existingId?: string;
  /** What was typed, so the form keeps it after an error. */
  values: Record<string, string>;
  assignToMe: boolean;
} | null;
