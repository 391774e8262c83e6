import { z } from "zod";
import { textInput } from "@/lib/validation/text";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import { SHOP_LANGUAGES } from "@/lib/lightspeed/shop-languages";
import { defaultTimeZone, hasSeveralTimeZones, isZoneOfCountry } from "@/lib/sla/merchant-time-zone";
import { timeZoneSchema } from "@/lib/time/zones";

/**
 * A sign-up, from the sign-up portal (POST /api/signups) or the console's new-merchant form.
 * The shop domain is normalised to a bare lower-case host so that `https://www.Shop.nl/` and
 * `shop.nl` are recognised as the same shop (the unique index is on the normalised value).
 */
export function normaliseShopDomain(raw: string): string {
  let host = raw.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, ""); // scheme
  host = host.replace(/^[^@/?#]*@/, ""); // user-info
  host = host.split(/[/?#]/, 1)[0] ?? ""; // path, query, fragment
  host = host.replace(/:\d+$/, "").replace(/\.$/, ""); // port, trailing dot
  return host.replace(/^www\./, "");
}

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
/** Codes the region list knows that are not countries. */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);
/** ISO 3166-1 alpha-2, checked against the runtime's region list (so "XX" is refused). */
function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined;
}

const text = (max: number) => textInput().trim().min(1, "Required").max(max, `At most ${max} characters`);

export const signupFieldsSchema = z.object({
  company: text(200),
  shopName: text(200),
  shopDomain: textInput()
    .transform(normaliseShopDomain)
    .pipe(z.string().min(1, "Required").regex(HOSTNAME, "Enter the shop's domain, e.g. wijnhuis-debron.nl")),
  cluster: z.enum(CLUSTERS, "Choose eu1 or us1"),
  /** Lightspeed shop language codes are 2 letters but not strictly ISO (e.g. `us`, `fc`); only known ones. */
  language: textInput().trim().toLowerCase().pipe(z.enum(SHOP_LANGUAGES, "Choose one of the shop languages")),
  country: textInput().trim().toUpperCase().refine(isCountryCode, "A two-letter ISO country code, e.g. NL"),
  contactName: text(200),
  contactEmail: textInput().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254)),
  /**
   * The merchant's IANA zone (its SLA calendar). Optional: absent means the country's primary zone
   * (the new-merchant form asks where the country has several); given, it must be one of the country's.
   */
  timeZone: textInput()
    .trim()
    .transform((v) => v || undefined)
    .pipe(timeZoneSchema.optional())
    .optional(),
});

type SignupFields = z.output<typeof signupFieldsSchema>;
const zoneOfCountry = (s: SignupFields) => !s.timeZone || isZoneOfCountry(s.timeZone, s.country);
const ZONE_OF_COUNTRY = { path: ["timeZone"], message: "Choose a time zone of the merchant's country" };
const withZone = (s: SignupFields) => ({ ...s, timeZone: s.timeZone ?? defaultTimeZone(s.country) });

export const signupInputSchema = signupFieldsSchema.refine(zoneOfCountry, ZONE_OF_COUNTRY).transform(withZone);

/** The console's new-merchant form asks for the zone where the country has several (US, CA, AU …). */
export const consoleSignupInputSchema = signupFieldsSchema
  .refine(zoneOfCountry, ZONE_OF_COUNTRY)
  .refine((s) => s.timeZone || !hasSeveralTimeZones(s.country), {
    path: ["timeZone"],
    message: "This country has several time zones: choose the merchant's",
  })
  .transform(withZone);

export type SignupInput = z.input<typeof signupInputSchema>;
export type ParsedSignup = z.output<typeof signupInputSchema>;
