import type { Cluster } from "@/lib/lightspeed/clusters";
import { defaultTimeZone } from "@/lib/sla/merchant-time-zone";
import type { Random } from "./random";

/** Who a demo merchant is: believable wine shops, mostly NL/BE/DE on eu1, some US on us1. */
export type MerchantProfile = {
  company: string;
  shopName: string;
  shopDomain: string;
  cluster: Cluster;
  language: string;
  country: string;
  /** IANA zone; US shops spread over the four main zones. */
  timeZone: string;
  contactName: string;
  contactEmail: string;
};

type Market = {
  country: string;
  cluster: Cluster;
  tld: string;
  languages: Record<string, number>;
  shops: (r: Random) => string;
  legal: readonly string[];
  first: readonly string[];
  last: readonly string[];
};

const NL_NAMES = [
  "De Bron",
  "Het Wijnvat",
  "De Druif",
  "Bourgondië",
  "De Kelder",
  "De Wijnstok",
  "Bacchus",
  "De Gouden Rank",
  "Het Proeflokaal",
  "De Zeven Heuvels",
  "Zuiderzee",
  "De Kurk",
  "Van Dijk",
  "Bakker",
  "De Vries",
  "Het Vat",
  "De Wijngaard",
  "Mooi Wijn",
  "De Oude Haven",
  "Terroir",
];
const NL_KINDS = ["Wijnhuis", "Wijnkoperij", "Slijterij", "Wijnhandel", "Vinotheek"];
const BE_NL_NAMES = [
  "Vandenberghe",
  "Maes",
  "De Smet",
  "Peeters",
  "Het Wijnhuis",
  "De Sommelier",
  "Janssens",
  "Claes",
  "Wouters",
  "Het Kasteel",
];
const BE_FR_NAMES = [
  "du Sablon",
  "de Namur",
  "Dupont",
  "Lambert",
  "des Ardennes",
  "du Châtelain",
  "Leclercq",
  "de la Meuse",
];
const DE_NAMES = [
  "Müller",
  "Schneider",
  "Becker",
  "am Rhein",
  "Mosel",
  "Pfalz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "am Dom",
  "Rheingau",
  "Keller",
  "Wagner",
  "Franken",
  "Baden",
];
const DE_KINDS = ["Weinkontor", "Weinhandlung", "Weinhaus", "Vinothek", "Weinkeller"];
const US_PLACES = [
  "Napa",
  "Sonoma",
  "Willamette",
  "Hudson Valley",
  "Finger Lakes",
  "Paso Robles",
  "Brooklyn",
  "Austin",
  "Seattle",
  "Chicago",
  "Boston",
  "Santa Barbara",
  "Denver",
  "Portland",
];
const US_KINDS = ["Cellars Direct", "Wine Merchants", "Wine Co.", "Bottle Shop", "Wine & Spirits", "Wine Exchange"];

const MARKETS: Record<string, Market> = {
  NL: {
    country: "NL",
    cluster: "eu1",
    tld: "nl",
    languages: { nl: 9, en: 1 },
    shops: (r) => `${r.pick(NL_KINDS)} ${r.pick(NL_NAMES)}`,
    legal: ["B.V.", "V.O.F.", ""],
    first: ["Jan", "Sanne", "Pieter", "Femke", "Daan", "Lotte", "Bram", "Anouk", "Ruud", "Marieke", "Joost", "Eline"],
    last: ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"],
  },
  BE: {
    country: "BE",
    cluster: "eu1",
    tld: "be",
    languages: { nl: 6, fr: 4 },
    shops: (r) =>
      r.chance(0.55)
        ? `${r.pick(["Wijnhandel", "Wijnkelder", "Wijnhuis"])} ${r.pick(BE_NL_NAMES)}`
        : `${r.pick(["Cave", "Vins", "La Cave"])} ${r.pick(BE_FR_NAMES)}`,
    legal: ["BV", "SRL", "NV"],
    first: ["Wout", "Lien", "Sofie", "Jeroen", "Amélie", "Julien", "Nathalie", "Koen", "Elise", "Thomas"],
    last: ["Peeters", "Janssens", "Maes", "Dubois", "Lambert", "Dupont", "Claes", "Goossens", "Martin", "Willems"],
  },
  DE: {
    country: "DE",
    cluster: "eu1",
    tld: "de",
    languages: { de: 9, en: 1 },
    shops: (r) => `${r.pick(DE_KINDS)} ${r.pick(DE_NAMES)}`,
    legal: ["GmbH", "e.K.", "GmbH & Co. KG"],
    first: ["Lukas", "Anna", "Felix", "Sophie", "Jonas", "Lea", "Maximilian", "Katrin", "Stefan", "Julia"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch"],
  },
  AT: {
    country: "AT",
    cluster: "eu1",
    tld: "at",
    languages: { de: 1 },
    shops: (r) =>
      `${r.pick(["Weinhaus", "Vinothek", "Weinhandel"])} ${r.pick(["Wachau", "Burgenland", "Gruber", "Huber", "am Graben"])}`,
    legal: ["GmbH", "KG"],
    first: ["Florian", "Theresa", "Markus", "Verena"],
    last: ["Gruber", "Huber", "Bauer", "Wagner"],
  },
  FR: {
    country: "FR",
    cluster: "eu1",
    tld: "fr",
    languages: { fr: 1 },
    shops: (r) =>
      `${r.pick(["Cave", "Les Vins", "Le Cellier"])} ${r.pick(["de Bordeaux", "du Rhône", "Saint-Germain", "des Vignerons", "de Loire"])}`,
    legal: ["SARL", "SAS"],
    first: ["Camille", "Antoine", "Claire", "Mathieu"],
    last: ["Moreau", "Laurent", "Girard", "Roux"],
  },
  US: {
    country: "US",
    cluster: "us1",
    tld: "com",
    languages: { us: 7, en: 3 },
    shops: (r) => `${r.pick(US_PLACES)} ${r.pick(US_KINDS)}`,
    legal: ["LLC", "Inc.", ""],
    first: ["Emily", "Michael", "Jessica", "David", "Ashley", "Ryan", "Megan", "Chris", "Sarah", "Tyler"],
    last: ["Smith", "Johnson", "Miller", "Davis", "Garcia", "Wilson", "Anderson", "Taylor", "Moore", "Clark"],
  },
};

const MARKET_WEIGHTS = { NL: 38, BE: 17, DE: 25, AT: 3, FR: 2, US: 15 };

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/&/g, "en")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const US_ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"] as const;
/** From the domain, not the random stream, so adding the zone left every other demo value as it was. */
const usZone = (domain: string) => US_ZONES[[...domain].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 4]!;

/** One merchant; `takenDomains` keeps shop domains unique (the table's unique key). */
export function generateProfile(r: Random, takenDomains: Set<string>): MerchantProfile {
  const market = MARKETS[r.weighted(MARKET_WEIGHTS)]!;
  let shopName = market.shops(r);
  let domain = `${slugify(shopName)}.${market.tld}`;
  for (let n = 2; takenDomains.has(domain); n++) {
    // Same name in another town: what real merchants do.
    shopName = `${market.shops(r)}`;
    domain = `${slugify(shopName)}${n > 3 ? `-${n}` : ""}.${market.tld}`;
  }
  takenDomains.add(domain);
  const legal = r.pick(market.legal);
  const first = r.pick(market.first);
  const last = r.pick(market.last);
  return {
    company: legal ? `${shopName} ${legal}` : shopName,
    shopName,
    shopDomain: domain,
    cluster: market.cluster,
    language: r.weighted(market.languages),
    country: market.country,
    timeZone: market.country === "US" ? usZone(domain) : defaultTimeZone(market.country),
    contactName: `${first} ${last}`,
    contactEmail: `${slugify(first)}@${domain}`,
  };
}
