/**
 * The language segment selects the language of translatable fields; a few words per language
 * are enough to show that `/nl/` and `/en/` answer differently. Unknown codes fall back to English.
 */
const COLOURS: Record<string, [string, string, string, string]> = {
  en: ["red wine", "white wine", "rosé", "sparkling wine"],
  us: ["red wine", "white wine", "rosé", "sparkling wine"],
  nl: ["rode wijn", "witte wijn", "rosé", "mousserende wijn"],
  de: ["Rotwein", "Weißwein", "Rosé", "Schaumwein"],
  fr: ["vin rouge", "vin blanc", "rosé", "vin mousseux"],
  fc: ["vin rouge", "vin blanc", "rosé", "vin mousseux"],
  es: ["vino tinto", "vino blanco", "rosado", "vino espumoso"],
};

export function colourWord(lang: string, index: number): string {
  return (COLOURS[lang] ?? COLOURS.en!)[index % 4]!;
}

/** Shop language code → locale and title, as languages.json shows them. */
export const LANGUAGES: Record<string, { locale: string; title: string }> = {
  en: { locale: "en_GB", title: "English" },
  us: { locale: "en_US", title: "English (US)" },
  nl: { locale: "nl_NL", title: "Nederlands" },
  de: { locale: "de_DE", title: "Deutsch" },
  fr: { locale: "fr_FR", title: "Français" },
  fc: { locale: "fr_CA", title: "Français (CA)" },
  es: { locale: "es_ES", title: "Español" },
};
