/**
 * A merchant's time zone from its country: the zones the runtime's CLDR data lists for the region
 * (`Intl.Locale#timeZones`). A country "has several zones" when they disagree on the UTC offset in
 * January or July (US, CA, AU, BR, MX, RU, ES with the Canaries, PT with the Azores …); Germany's
 * Berlin and Büsingen agree, so Germany has one. Pure and client-safe (the new-merchant form uses it).
 */
const PRIMARY: Record<string, string> = {
  US: "America/New_York",
  CA: "America/Toronto",
  AU: "Australia/Sydney",
  BR: "America/Sao_Paulo",
  MX: "America/Mexico_City",
  RU: "Europe/Moscow",
  ES: "Europe/Madrid",
  PT: "Europe/Lisbon",
  DE: "Europe/Berlin",
  AR: "America/Buenos_Aires",
  ID: "Asia/Jakarta",
  KZ: "Asia/Almaty",
  CL: "America/Santiago",
  EC: "America/Guayaquil",
  NZ: "Pacific/Auckland",
  CN: "Asia/Shanghai",
  UA: "Europe/Kiev",
  GB: "Europe/London",
  NL: "Europe/Amsterdam",
};

type LocaleWithZones = Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };

/** The IANA zones in use in `country` (ISO 3166-1 alpha-2), primary first; [] when unknown. */
export function countryTimeZones(country: string): string[] {
  let zones: string[] = [];
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as LocaleWithZones;
    zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
  const primary = PRIMARY[country.toUpperCase()];
  return primary && zones.includes(primary) ? [primary, ...zones.filter((z) => z !== primary)] : zones;
}

const offsetAt = (zone: string, at: Date) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;

/** True when the merchant must say which zone (the country's zones keep different clocks). */
export function hasSeveralTimeZones(country: string): boolean {
  const zones = countryTimeZones(country);
  if (zones.length < 2) return false;
  const year = new Date().getUTCFullYear();
  return [new Date(Date.UTC(year, 0, 15)), new Date(Date.UTC(year, 6, 15))].some(
    (at) => new Set(zones.map((zone) => offsetAt(zone, at))).size > 1,
  );
}

/** The zone a merchant of `country` gets when none is given: the country's primary zone, else the agency's. */
export function defaultTimeZone(country: string, fallback = "Europe/Amsterdam"): string {
  return countryTimeZones(country)[0] ?? fallback;
}

/** Whether `zone` is one of `country`'s zones (any zone is accepted for a country the data does not know). */
export function isZoneOfCountry(zone: string, country: string): boolean {
  const zones = countryTimeZones(country);
  return zones.length === 0 || zones.includes(zone);
}
