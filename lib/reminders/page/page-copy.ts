import type { ReminderLanguage } from "@/db/vocabulary/reminders";
import type { Step } from "@/lib/pipeline/steps";

export type { ReminderLanguage };

/**
 * The merchant's own page (/m/<token>) in the reminder's languages, chosen like the email
 * (`reminderLanguage`, English otherwise). Plain data, so the page's client forms import it too.
 * The email's step titles and instructions stay in ../email/copy.ts; these are the page's own words.
 */
export type MerchantPageCopy = {
  /** The browser tab's title. */
  tabTitle: string;
  /** A link that cannot be used: no shop is known, so the browser's language picks these. */
  unusable: { invalidTitle: string; invalidBody: string; limitedTitle: string; limitedBody: string };
  heading: (shop: string) => string;
  lead: string;
  waitingForYou: string;
  nothingForYou: string;
  waitingForUs: string;
  done: string;
  reminders: string;
  unsubscribedNote: string;
  /** Step names as the merchant reads them (English: the console's labels). */
  steps: Record<Step, string>;
  preferences: {
    remindAfter: string;
    snooze: string;
    unsubscribe: string;
    snoozed: string;
    unsubscribed: string;
    chooseDate: string;
    linkUnusable: string;
    failed: string;
  };
  form: {
    key: string;
    secret: string;
    showSecret: string;
    hideSecret: string;
    submit: string;
    checking: string;
    checkAgain: string;
    footer: string;
    uncheckedList: string;
    titles: {
      connected: string;
      missing_permissions: string;
      rejected: string;
      wrong_shop: string;
      check_later: string;
    };
    /** The verification's answer; English keeps the server's own sentences (the /connect page's). */
    messages: {
      connected: string;
      missing_permissions: (labels: readonly string[]) => string;
      rejected: string;
      wrong_shop: string;
      check_later: string;
    };
    fixFields: string;
    required: string;
    tooManyAttempts: string;
    linkUnusable: string;
    failed: string;
  };
};

const en: MerchantPageCopy = {
  tabTitle: "Your Actenzo onboarding",
  unusable: {
    invalidTitle: "This link is not valid",
    invalidBody: "It may have expired. The link in our latest email works; or reply to it and we will help.",
    limitedTitle: "Too many requests",
    limitedBody: "Please wait a while and open the link again.",
  },
  heading: (shop) => `Connecting ${shop} to Actenzo`,
  lead: "Your progress, and what is still open.",
  waitingForYou: "Waiting for you",
  nothingForYou: "Nothing: thank you!",
  waitingForUs: "Waiting for Actenzo",
  done: "Done",
  reminders: "Reminder emails",
  unsubscribedNote: "You unsubscribed from reminder emails.",
  steps: {
    signed_up: "Signed up",
    user_created: "Back-office user created",
    user_approved: "User approved with full permissions",
    password_reset: "Password reset",
    key_received: "API key received",
    secret_received: "API secret received",
    key_verified: "Key verified",
    live: "Live",
  },
  preferences: {
    remindAfter: "Remind me after",
    snooze: "Snooze reminders",
    unsubscribe: "Stop reminder emails",
    snoozed: "We will not remind you before that date.",
    unsubscribed: "You will get no more reminder emails.",
    chooseDate: "Choose a date after today, at most 60 days ahead.",
    linkUnusable: "This link is not valid any more. The link in our latest email works.",
    failed: "Something went wrong on our side. Please try again later.",
  },
  form: {
    key: "API key",
    secret: "API secret",
    showSecret: "Show secret",
    hideSecret: "Hide secret",
    submit: "Check and connect",
    checking: "Checking with Lightspeed…",
    checkAgain: "Check again",
    footer:
      "Sent over an encrypted connection and stored encrypted. We use the key only to build your shop's connection.",
    uncheckedList: "Unticked checkboxes",
    titles: {
      connected: "Connected",
      missing_permissions: "Some checkboxes are still unticked",
      rejected: "Not accepted",
      wrong_shop: "Key of another shop",
      check_later: "Saved, check pending",
    },
    messages: {
      connected:
        "Thank you, your shop is connected. The key works and has every permission we need. You can close this page.",
      missing_permissions: (labels) =>
        `The key works, but these checkboxes are still unticked: ${labels.join(", ")}. Tick them in Settings → Store Settings → Developers, press Save, then submit again.`,
      rejected:
        "This key and secret were rejected by Lightspeed. Copy them again from the key's DETAILS and submit again.",
      wrong_shop: "This key belongs to another Lightspeed shop. Create the key in your own shop's back office.",
      check_later: "We saved your key but could not check it with Lightspeed just now. We will check it again shortly.",
    },
    fixFields: "Please correct the highlighted fields.",
    required: "Paste it here",
    tooManyAttempts: "Too many attempts. Please wait a while and try again.",
    linkUnusable: "This form cannot be used any more. Reply to our email and we will help.",
    failed: "Something went wrong on our side. Please try again later.",
  },
};

const nl: MerchantPageCopy = {
  tabTitle: "Je koppeling met Actenzo",
  unusable: {
    invalidTitle: "Deze link is niet geldig",
    invalidBody:
      "Misschien is hij verlopen. De link in onze laatste e-mail werkt; of beantwoord die e-mail, dan helpen we je.",
    limitedTitle: "Te veel verzoeken",
    limitedBody: "Wacht even en open de link dan opnieuw.",
  },
  heading: (shop) => `${shop} koppelen aan Actenzo`,
  lead: "Je voortgang, en wat er nog openstaat.",
  waitingForYou: "Wacht op jou",
  nothingForYou: "Niets: dank je wel!",
  waitingForUs: "Wacht op Actenzo",
  done: "Klaar",
  reminders: "Herinneringsmails",
  unsubscribedNote: "Je hebt je afgemeld voor herinneringsmails.",
  steps: {
    signed_up: "Aangemeld",
    user_created: "Back-office-gebruiker aangemaakt",
    user_approved: "Gebruiker goedgekeurd met volledige rechten",
    password_reset: "Wachtwoord ingesteld",
    key_received: "API-key ontvangen",
    secret_received: "API-secret ontvangen",
    key_verified: "Key gecontroleerd",
    live: "Live",
  },
  preferences: {
    remindAfter: "Herinner me na",
    snooze: "Herinneringen uitstellen",
    unsubscribe: "Geen herinneringsmails meer",
    snoozed: "We herinneren je niet vóór die datum.",
    unsubscribed: "Je krijgt geen herinneringsmails meer.",
    chooseDate: "Kies een datum na vandaag, hooguit 60 dagen vooruit.",
    linkUnusable: "Deze link is niet meer geldig. De link in onze laatste e-mail werkt wel.",
    failed: "Er ging bij ons iets mis. Probeer het later opnieuw.",
  },
  form: {
    key: "API-key",
    secret: "API-secret",
    showSecret: "Secret tonen",
    hideSecret: "Secret verbergen",
    submit: "Controleren en koppelen",
    checking: "Bezig met controleren bij Lightspeed…",
    checkAgain: "Opnieuw controleren",
    footer:
      "Verstuurd via een versleutelde verbinding en versleuteld opgeslagen. We gebruiken de key alleen om je winkel te koppelen.",
    uncheckedList: "Niet aangevinkte vakjes",
    titles: {
      connected: "Gekoppeld",
      missing_permissions: "Er zijn nog vakjes niet aangevinkt",
      rejected: "Niet geaccepteerd",
      wrong_shop: "Key van een andere winkel",
      check_later: "Opgeslagen, controle volgt",
    },
    messages: {
      connected:
        "Dank je wel, je winkel is gekoppeld. De key werkt en heeft alle rechten die we nodig hebben. Je kunt deze pagina sluiten.",
      missing_permissions: (labels) =>
        `De key werkt, maar deze vakjes zijn nog niet aangevinkt: ${labels.join(", ")}. Vink ze aan onder Settings → Store Settings → Developers, klik op Save en verstuur het formulier opnieuw.`,
      rejected:
        "Lightspeed heeft deze key en dit secret geweigerd. Kopieer ze opnieuw uit de DETAILS van de key en verstuur ze nog eens.",
      wrong_shop:
        "Deze key hoort bij een andere Lightspeed-winkel. Maak de key aan in de back office van je eigen winkel.",
      check_later:
        "We hebben je key opgeslagen, maar konden hem nu niet bij Lightspeed controleren. We controleren hem binnenkort opnieuw.",
    },
    fixFields: "Verbeter de gemarkeerde velden.",
    required: "Plak hem hier",
    tooManyAttempts: "Te veel pogingen. Wacht even en probeer het opnieuw.",
    linkUnusable: "Dit formulier kan niet meer gebruikt worden. Beantwoord onze e-mail, dan helpen we je.",
    failed: "Er ging bij ons iets mis. Probeer het later opnieuw.",
  },
};

const de: MerchantPageCopy = {
  tabTitle: "Ihre Anbindung an Actenzo",
  unusable: {
    invalidTitle: "Dieser Link ist nicht gültig",
    invalidBody:
      "Vielleicht ist er abgelaufen. Der Link in unserer letzten E-Mail funktioniert; oder antworten Sie darauf, dann helfen wir Ihnen.",
    limitedTitle: "Zu viele Anfragen",
    limitedBody: "Bitte warten Sie einen Moment und öffnen Sie den Link dann erneut.",
  },
  heading: (shop) => `${shop} mit Actenzo verbinden`,
  lead: "Ihr Fortschritt und was noch offen ist.",
  waitingForYou: "Wartet auf Sie",
  nothingForYou: "Nichts: vielen Dank!",
  waitingForUs: "Wartet auf Actenzo",
  done: "Erledigt",
  reminders: "Erinnerungs-E-Mails",
  unsubscribedNote: "Sie haben die Erinnerungs-E-Mails abbestellt.",
  steps: {
    signed_up: "Angemeldet",
    user_created: "Backoffice-Benutzer angelegt",
    user_approved: "Benutzer mit allen Rechten freigegeben",
    password_reset: "Passwort gesetzt",
    key_received: "API-Key erhalten",
    secret_received: "API-Secret erhalten",
    key_verified: "Key geprüft",
    live: "Live",
  },
  preferences: {
    remindAfter: "Erinnern Sie mich nach dem",
    snooze: "Erinnerungen pausieren",
    unsubscribe: "Keine Erinnerungs-E-Mails mehr",
    snoozed: "Wir erinnern Sie nicht vor diesem Datum.",
    unsubscribed: "Sie erhalten keine Erinnerungs-E-Mails mehr.",
    chooseDate: "Wählen Sie ein Datum nach heute, höchstens 60 Tage im Voraus.",
    linkUnusable: "Dieser Link ist nicht mehr gültig. Der Link in unserer letzten E-Mail funktioniert.",
    failed: "Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es später erneut.",
  },
  form: {
    key: "API-Key",
    secret: "API-Secret",
    showSecret: "Secret anzeigen",
    hideSecret: "Secret verbergen",
    submit: "Prüfen und verbinden",
    checking: "Prüfung bei Lightspeed…",
    checkAgain: "Erneut prüfen",
    footer:
      "Über eine verschlüsselte Verbindung gesendet und verschlüsselt gespeichert. Wir nutzen den Key nur für die Verbindung Ihres Shops.",
    uncheckedList: "Nicht angehakte Kästchen",
    titles: {
      connected: "Verbunden",
      missing_permissions: "Einige Häkchen fehlen noch",
      rejected: "Nicht akzeptiert",
      wrong_shop: "Key eines anderen Shops",
      check_later: "Gespeichert, Prüfung folgt",
    },
    messages: {
      connected:
        "Vielen Dank, Ihr Shop ist verbunden. Der Key funktioniert und hat alle Rechte, die wir brauchen. Sie können diese Seite schließen.",
      missing_permissions: (labels) =>
        `Der Key funktioniert, aber diese Kästchen sind noch nicht angehakt: ${labels.join(", ")}. Haken Sie sie unter Settings → Store Settings → Developers an, klicken Sie auf Save und senden Sie das Formular erneut.`,
      rejected:
        "Lightspeed hat diesen Key und dieses Secret abgelehnt. Kopieren Sie beide erneut aus den DETAILS des Keys und senden Sie sie noch einmal.",
      wrong_shop:
        "Dieser Key gehört zu einem anderen Lightspeed-Shop. Legen Sie den Key im Backoffice Ihres eigenen Shops an.",
      check_later:
        "Wir haben Ihren Key gespeichert, konnten ihn aber gerade nicht bei Lightspeed prüfen. Wir prüfen ihn in Kürze erneut.",
    },
    fixFields: "Bitte korrigieren Sie die markierten Felder.",
    required: "Bitte hier einfügen",
    tooManyAttempts: "Zu viele Versuche. Bitte warten Sie eine Weile und versuchen Sie es erneut.",
    linkUnusable:
      "Dieses Formular kann nicht mehr verwendet werden. Antworten Sie auf unsere E-Mail, wir helfen Ihnen.",
    failed: "Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es später erneut.",
  },
};

const fr: MerchantPageCopy = {
  tabTitle: "Votre connexion à Actenzo",
  unusable: {
    invalidTitle: "Ce lien n'est pas valide",
    invalidBody:
      "Il a peut-être expiré. Le lien de notre dernier e-mail fonctionne ; ou répondez-y et nous vous aiderons.",
    limitedTitle: "Trop de requêtes",
    limitedBody: "Veuillez patienter un moment, puis rouvrir le lien.",
  },
  heading: (shop) => `Connexion de ${shop} à Actenzo`,
  lead: "Votre progression et ce qui reste à faire.",
  waitingForYou: "En attente de votre part",
  nothingForYou: "Rien : merci !",
  waitingForUs: "En attente d'Actenzo",
  done: "Terminé",
  reminders: "E-mails de rappel",
  unsubscribedNote: "Vous vous êtes désabonné des e-mails de rappel.",
  steps: {
    signed_up: "Inscription",
    user_created: "Utilisateur back-office créé",
    user_approved: "Utilisateur approuvé avec tous les droits",
    password_reset: "Mot de passe défini",
    key_received: "Clé API reçue",
    secret_received: "Secret API reçu",
    key_verified: "Clé vérifiée",
    live: "En ligne",
  },
  preferences: {
    remindAfter: "Me le rappeler après le",
    snooze: "Reporter les rappels",
    unsubscribe: "Ne plus recevoir de rappels",
    snoozed: "Nous ne vous relancerons pas avant cette date.",
    unsubscribed: "Vous ne recevrez plus d'e-mails de rappel.",
    chooseDate: "Choisissez une date après aujourd'hui, au plus 60 jours à l'avance.",
    linkUnusable: "Ce lien n'est plus valide. Le lien de notre dernier e-mail fonctionne.",
    failed: "Un problème est survenu de notre côté. Veuillez réessayer plus tard.",
  },
  form: {
    key: "Clé API",
    secret: "Secret API",
    showSecret: "Afficher le secret",
    hideSecret: "Masquer le secret",
    submit: "Vérifier et connecter",
    checking: "Vérification auprès de Lightspeed…",
    checkAgain: "Vérifier à nouveau",
    footer:
      "Envoyé par une connexion chiffrée et stocké chiffré. Nous utilisons la clé uniquement pour connecter votre boutique.",
    uncheckedList: "Cases non cochées",
    titles: {
      connected: "Connectée",
      missing_permissions: "Certaines cases ne sont pas encore cochées",
      rejected: "Refusée",
      wrong_shop: "Clé d'une autre boutique",
      check_later: "Enregistrée, vérification à venir",
    },
    messages: {
      connected:
        "Merci, votre boutique est connectée. La clé fonctionne et a tous les droits nécessaires. Vous pouvez fermer cette page.",
      missing_permissions: (labels) =>
        `La clé fonctionne, mais ces cases ne sont pas encore cochées : ${labels.join(", ")}. Cochez-les dans Settings → Store Settings → Developers, cliquez sur Save, puis envoyez à nouveau le formulaire.`,
      rejected:
        "Lightspeed a refusé cette clé et ce secret. Copiez-les à nouveau depuis les DETAILS de la clé et renvoyez-les.",
      wrong_shop:
        "Cette clé appartient à une autre boutique Lightspeed. Créez la clé dans le back-office de votre propre boutique.",
      check_later:
        "Nous avons enregistré votre clé mais n'avons pas pu la vérifier auprès de Lightspeed pour l'instant. Nous la vérifierons sous peu.",
    },
    fixFields: "Veuillez corriger les champs signalés.",
    required: "Collez-la ici",
    tooManyAttempts: "Trop de tentatives. Veuillez patienter un moment et réessayer.",
    linkUnusable: "Ce formulaire ne peut plus être utilisé. Répondez à notre e-mail et nous vous aiderons.",
    failed: "Un problème est survenu de notre côté. Veuillez réessayer plus tard.",
  },
};

export const MERCHANT_PAGE_COPY: Record<ReminderLanguage, MerchantPageCopy> = { en, nl, de, fr };
