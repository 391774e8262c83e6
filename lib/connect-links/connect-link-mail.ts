import { reminderLanguage, type ReminderLanguage } from "@/db/vocabulary/reminders";
import { formatLongDate } from "@/lib/time";

type MailInput = {
  contactName: string;
  shopName: string;
  url: string;
  expiresAt: Date;
  /** The shop's language: the email is written in it when we write in it (as reminders are), else English. */
  language: string;
  /** The merchant's time zone: the last day the link works is that day on the merchant's calendar. */
  timeZone: string;
};
type Copy = {
  locale: string;
  subject: (shop: string) => string;
  body: (input: MailInput, until: string) => string[];
};

const COPY: Record<ReminderLanguage, Copy> = {
  en: {
    locale: "en-GB",
    subject: (shop) => `Connect ${shop} to Actenzo: your secure link`,
    body: (m, until) => [
      `Hello ${m.contactName},`,
      "",
      `To connect ${m.shopName} to Actenzo we need an API key and its secret from your Lightspeed back office.`,
      "Instead of emailing them to us, please enter both on this secure page. It shows where to click and checks the key right away:",
      "",
      m.url,
      "",
      `The link works until ${until} and only for your shop. If it has expired, reply to this email and we will send a new one.`,
      "",
      "Kind regards,",
      "The Actenzo onboarding team",
    ],
  },
  nl: {
    locale: "nl-NL",
    subject: (shop) => `${shop} koppelen aan Actenzo: je beveiligde link`,
    body: (m, until) => [
      `Hallo ${m.contactName},`,
      "",
      `Om ${m.shopName} aan Actenzo te koppelen hebben we een API-key en het bijbehorende secret uit je Lightspeed-backoffice nodig.`,
      "Stuur ze ons liever niet per e-mail, maar vul ze allebei in op deze beveiligde pagina. Die laat zien waar je moet klikken en controleert de key meteen:",
      "",
      m.url,
      "",
      `De link werkt tot en met ${until} en alleen voor jouw shop. Is hij verlopen? Beantwoord dan deze e-mail, dan sturen we een nieuwe.`,
      "",
      "Met vriendelijke groet,",
      "Het onboardingteam van Actenzo",
    ],
  },
  de: {
    locale: "de-DE",
    subject: (shop) => `${shop} mit Actenzo verbinden: Ihr sicherer Link`,
    body: (m, until) => [
      `Hallo ${m.contactName},`,
      "",
      `Um ${m.shopName} mit Actenzo zu verbinden, benötigen wir einen API-Schlüssel und das zugehörige Secret aus Ihrem Lightspeed-Backoffice.`,
      "Bitte senden Sie uns beides nicht per E-Mail, sondern geben Sie es auf dieser sicheren Seite ein. Sie zeigt, wo Sie klicken müssen, und prüft den Schlüssel sofort:",
      "",
      m.url,
      "",
      `Der Link gilt bis einschließlich ${until} und nur für Ihren Shop. Ist er abgelaufen, antworten Sie einfach auf diese E-Mail, und wir senden Ihnen einen neuen.`,
      "",
      "Mit freundlichen Grüßen",
      "Ihr Actenzo-Onboarding-Team",
    ],
  },
  fr: {
    locale: "fr-FR",
    subject: (shop) => `Connexion de ${shop} à Actenzo : votre lien sécurisé`,
    body: (m, until) => [
      `Bonjour ${m.contactName},`,
      "",
      `Pour connecter ${m.shopName} à Actenzo, nous avons besoin d'une clé API et de son secret, depuis votre back-office Lightspeed.`,
      "Plutôt que de nous les envoyer par e-mail, saisissez-les sur cette page sécurisée. Elle indique où cliquer et vérifie la clé immédiatement :",
      "",
      m.url,
      "",
      `Le lien est valable jusqu'au ${until} inclus, et uniquement pour votre boutique. S'il a expiré, répondez à cet e-mail et nous vous en enverrons un nouveau.`,
      "",
      "Cordialement,",
      "L'équipe onboarding d'Actenzo",
    ],
  },
};

/** The email that carries a connect link to the merchant's contact, in the shop's language. Pure. */
export function connectLinkMail(input: MailInput) {
  const copy = COPY[reminderLanguage(input.language)];
  // The last moment the link works, as a day on the merchant's own calendar.
  const until = formatLongDate(new Date(input.expiresAt.getTime() - 1), input.timeZone, copy.locale);
  return { subject: copy.subject(input.shopName), text: copy.body(input, until).join("\n") };
}
