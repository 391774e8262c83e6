/**
 * The shop language codes a sign-up may name, with labels for the new-merchant form's select.
 * They are Lightspeed eCom's own 2-letter codes, not strictly ISO: US shops use `us` (English, US)
 * and `fc` (French, Canada). One tuple feeds the zod enum and the select, so the form can only
 * offer, and the server only accept, a code the API's `/{language}/` path knows.
 */
export const SHOP_LANGUAGES = [
  "nl",
  "en",
  "de",
  "fr",
  "es",
  "it",
  "da",
  "sv",
  "no",
  "pl",
  "pt",
  "el",
  "tr",
  "ru",
  "bg",
  "us",
  "fc",
] as const;
export type ShopLanguage = (typeof SHOP_LANGUAGES)[number];

export const SHOP_LANGUAGE_LABELS: Record<ShopLanguage, string> = {
  nl: "Dutch (nl)",
  en: "English (en)",
  de: "German (de)",
  fr: "French (fr)",
  es: "Spanish (es)",
  it: "Italian (it)",
  da: "Danish (da)",
  sv: "Swedish (sv)",
  no: "Norwegian (no)",
  pl: "Polish (pl)",
  pt: "Portuguese (pt)",
  el: "Greek (el)",
  tr: "Turkish (tr)",
  ru: "Russian (ru)",
  bg: "Bulgarian (bg)",
  us: "English, US (us)",
  fc: "French, Canada (fc)",
};
