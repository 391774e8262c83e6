import { reminderLanguage, type ReminderLanguage } from "@/db/vocabulary/reminders";

export { reminderLanguage };

/**
 * The reminder's words in English, Dutch, German and French. The step instructions follow the
 * agency's merchant guide (where to click in the Lightspeed back office); menu names stay as
 * Lightspeed shows them. Leads/admins may override `intro` and `closing` per language.
 */
export type ReminderStep = "user_created" | "user_approved" | "key_received" | "secret_received" | "key_verified";

export type ReminderCopy = {
  subject: (shop: string) => string;
  greeting: (name: string) => string;
  intro: string;
  closing: string;
  stepsHeading: string;
  steps: Record<ReminderStep, { title: string; instructions: string[] }>;
  missingKey: string;
  missingSecret: string;
  unticked: string;
  pageLink: string;
  snooze: string;
  unsubscribe: string;
  signature: string;
};

const en: ReminderCopy = {
  subject: (shop) => `${shop}: a few steps left to connect your shop to Actenzo`,
  greeting: (name) => `Hello ${name},`,
  intro: "We are almost ready to connect your Lightspeed shop. We are still waiting for the steps below.",
  closing: "Questions? Just reply to this email and your Actenzo specialist will help.",
  stepsHeading: "What is still open",
  steps: {
    user_created: {
      title: "Create a back-office user for us",
      instructions: [
        "In the Lightspeed eCom back office open Settings → Users (under GENERAL SETTINGS) → Add a user.",
        "Enter the user details we sent you and press Save.",
      ],
    },
    user_approved: {
      title: "Approve our user with full permissions",
      instructions: [
        "Open our user: under GENERAL set the status to Approved.",
        "Under PERMISSIONS switch on Full permissions and press Save.",
      ],
    },
    key_received: {
      title: "Send us the API key",
      instructions: [
        "Sign in as the store owner and open Settings → Store Settings → Developers → New API key.",
        "Name it Actenzo, switch it on, tick every permission checkbox and press Save.",
        "Under DETAILS copy the API key and email it to us on its own.",
      ],
    },
    secret_received: {
      title: "Send us the API secret",
      instructions: [
        "On the same key's DETAILS press Show to reveal the API secret.",
        "Email the secret in a second, separate email, never together with the key.",
      ],
    },
    key_verified: {
      title: "Tick the missing permission checkboxes",
      instructions: [
        "Open Settings → Store Settings → Developers and open the Actenzo key.",
        "Tick the checkboxes named below and press Save. We re-check the key by ourselves.",
      ],
    },
  },
  missingKey: "We received your API secret but not the API key.",
  missingSecret: "We received your API key but not the API secret.",
  unticked: "Still unticked:",
  pageLink: "See your progress and enter the key and secret securely",
  snooze: "Remind me in a week",
  unsubscribe: "Stop these reminders",
  signature: "The Actenzo onboarding team",
};

const nl: ReminderCopy = {
  subject: (shop) => `${shop}: nog een paar stappen om je winkel te koppelen aan Actenzo`,
  greeting: (name) => `Hallo ${name},`,
  intro: "We zijn bijna klaar om je Lightspeed-winkel te koppelen. We wachten nog op de stappen hieronder.",
  closing: "Vragen? Beantwoord deze e-mail en je Actenzo-specialist helpt je verder.",
  stepsHeading: "Wat nog openstaat",
  steps: {
    user_created: {
      title: "Maak een back-office-gebruiker voor ons aan",
      instructions: [
        "Open in de Lightspeed eCom back office Settings → Users (onder GENERAL SETTINGS) → Add a user.",
        "Vul de gebruikersgegevens in die we je stuurden en klik op Save.",
      ],
    },
    user_approved: {
      title: "Keur onze gebruiker goed met volledige rechten",
      instructions: [
        "Open onze gebruiker: zet onder GENERAL de status op Approved.",
        "Zet onder PERMISSIONS Full permissions aan en klik op Save.",
      ],
    },
    key_received: {
      title: "Stuur ons de API-key",
      instructions: [
        "Log in als winkeleigenaar en open Settings → Store Settings → Developers → New API key.",
        "Noem de key Actenzo, zet hem aan, vink alle rechten aan en klik op Save.",
        "Kopieer onder DETAILS de API-key en mail hem los naar ons.",
      ],
    },
    secret_received: {
      title: "Stuur ons het API-secret",
      instructions: [
        "Klik bij dezelfde key onder DETAILS op Show om het API-secret te zien.",
        "Mail het secret in een tweede, aparte e-mail, nooit samen met de key.",
      ],
    },
    key_verified: {
      title: "Vink de ontbrekende rechten aan",
      instructions: [
        "Open Settings → Store Settings → Developers en open de Actenzo-key.",
        "Vink de hieronder genoemde vakjes aan en klik op Save. Wij controleren de key daarna zelf opnieuw.",
      ],
    },
  },
  missingKey: "We hebben je API-secret ontvangen, maar nog niet de API-key.",
  missingSecret: "We hebben je API-key ontvangen, maar nog niet het API-secret.",
  unticked: "Nog niet aangevinkt:",
  pageLink: "Bekijk je voortgang en voer key en secret veilig in",
  snooze: "Herinner me over een week",
  unsubscribe: "Stop deze herinneringen",
  signature: "Het onboardingteam van Actenzo",
};

const de: ReminderCopy = {
  subject: (shop) => `${shop}: nur noch wenige Schritte bis zur Anbindung an Actenzo`,
  greeting: (name) => `Hallo ${name},`,
  intro: "Wir sind fast so weit, Ihren Lightspeed-Shop anzubinden. Es fehlen noch die folgenden Schritte.",
  closing: "Fragen? Antworten Sie einfach auf diese E-Mail, Ihr Actenzo-Ansprechpartner hilft Ihnen.",
  stepsHeading: "Was noch offen ist",
  steps: {
    user_created: {
      title: "Legen Sie einen Back-Office-Benutzer für uns an",
      instructions: [
        "Öffnen Sie im Lightspeed eCom Back Office Settings → Users (unter GENERAL SETTINGS) → Add a user.",
        "Geben Sie die Benutzerdaten ein, die wir Ihnen geschickt haben, und klicken Sie auf Save.",
      ],
    },
    user_approved: {
      title: "Geben Sie unseren Benutzer mit vollen Rechten frei",
      instructions: [
        "Öffnen Sie unseren Benutzer: Setzen Sie unter GENERAL den Status auf Approved.",
        "Schalten Sie unter PERMISSIONS Full permissions ein und klicken Sie auf Save.",
      ],
    },
    key_received: {
      title: "Senden Sie uns den API-Key",
      instructions: [
        "Melden Sie sich als Shop-Inhaber an und öffnen Sie Settings → Store Settings → Developers → New API key.",
        "Nennen Sie den Key Actenzo, schalten Sie ihn ein, setzen Sie alle Häkchen und klicken Sie auf Save.",
        "Kopieren Sie unter DETAILS den API-Key und senden Sie ihn uns in einer eigenen E-Mail.",
      ],
    },
    secret_received: {
      title: "Senden Sie uns das API-Secret",
      instructions: [
        "Klicken Sie beim selben Key unter DETAILS auf Show, um das API-Secret anzuzeigen.",
        "Senden Sie das Secret in einer zweiten, separaten E-Mail, nie zusammen mit dem Key.",
      ],
    },
    key_verified: {
      title: "Setzen Sie die fehlenden Häkchen",
      instructions: [
        "Öffnen Sie Settings → Store Settings → Developers und den Actenzo-Key.",
        "Setzen Sie die unten genannten Häkchen und klicken Sie auf Save. Wir prüfen den Key danach selbst erneut.",
      ],
    },
  },
  missingKey: "Wir haben Ihr API-Secret erhalten, aber noch nicht den API-Key.",
  missingSecret: "Wir haben Ihren API-Key erhalten, aber noch nicht das API-Secret.",
  unticked: "Noch nicht angehakt:",
  pageLink: "Fortschritt ansehen und Key und Secret sicher eingeben",
  snooze: "In einer Woche erinnern",
  unsubscribe: "Diese Erinnerungen abbestellen",
  signature: "Ihr Actenzo-Onboarding-Team",
};

const fr: ReminderCopy = {
  subject: (shop) => `${shop} : encore quelques étapes pour connecter votre boutique à Actenzo`,
  greeting: (name) => `Bonjour ${name},`,
  intro:
    "Nous sommes presque prêts à connecter votre boutique Lightspeed. Il nous manque encore les étapes ci-dessous.",
  closing: "Des questions ? Répondez simplement à cet e-mail, votre spécialiste Actenzo vous aidera.",
  stepsHeading: "Ce qui reste à faire",
  steps: {
    user_created: {
      title: "Créez un utilisateur back-office pour nous",
      instructions: [
        "Dans le back-office Lightspeed eCom, ouvrez Settings → Users (sous GENERAL SETTINGS) → Add a user.",
        "Saisissez les informations que nous vous avons envoyées et cliquez sur Save.",
      ],
    },
    user_approved: {
      title: "Approuvez notre utilisateur avec tous les droits",
      instructions: [
        "Ouvrez notre utilisateur : sous GENERAL, mettez le statut sur Approved.",
        "Sous PERMISSIONS, activez Full permissions et cliquez sur Save.",
      ],
    },
    key_received: {
      title: "Envoyez-nous la clé API",
      instructions: [
        "Connectez-vous en tant que propriétaire de la boutique et ouvrez Settings → Store Settings → Developers → New API key.",
        "Nommez la clé Actenzo, activez-la, cochez toutes les cases de permissions et cliquez sur Save.",
        "Sous DETAILS, copiez la clé API et envoyez-la-nous seule par e-mail.",
      ],
    },
    secret_received: {
      title: "Envoyez-nous le secret API",
      instructions: [
        "Dans les DETAILS de la même clé, cliquez sur Show pour afficher le secret API.",
        "Envoyez le secret dans un second e-mail séparé, jamais avec la clé.",
      ],
    },
    key_verified: {
      title: "Cochez les permissions manquantes",
      instructions: [
        "Ouvrez Settings → Store Settings → Developers, puis la clé Actenzo.",
        "Cochez les cases indiquées ci-dessous et cliquez sur Save. Nous revérifions la clé nous-mêmes.",
      ],
    },
  },
  missingKey: "Nous avons reçu votre secret API, mais pas encore la clé API.",
  missingSecret: "Nous avons reçu votre clé API, mais pas encore le secret API.",
  unticked: "Pas encore cochées :",
  pageLink: "Voir votre progression et saisir la clé et le secret en toute sécurité",
  snooze: "Me le rappeler dans une semaine",
  unsubscribe: "Arrêter ces rappels",
  signature: "L'équipe onboarding d'Actenzo",
};

export const REMINDER_COPY: Record<ReminderLanguage, ReminderCopy> = { en, nl, de, fr };
