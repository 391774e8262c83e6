import { simpleParser, type AddressObject } from "mailparser";
import { htmlToText } from "./mail-text";

/**
 * What the intake needs from a raw RFC 822 message: the sender, the addresses it went to (a reply
 * to `access+<merchant>@…` names its merchant), subject, date and the body as text. Attachments
 * are ignored (a screenshot or a forwarded .eml is not read); an HTML-only body is turned into
 * text with its quoted parts marked.
 */
export type ParsedIntakeMail = {
  from: string | null;
  fromName: string | null;
  recipients: string[];
  subject: string;
  date: Date | null;
  messageId: string | null;
  inReplyTo: string | null;
  text: string;
};

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .map((v) => v.address?.toLowerCase())
    .filter((a): a is string => !!a);

export async function parseMessage(source: Buffer | string): Promise<ParsedIntakeMail> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const sender = mail.from?.value[0];
  // The HTML part, when there is one, is read by our own converter: it keeps table cells and
  // line breaks apart (mailparser's generated text glues "Schlüssel" to the token) and marks
  // blockquotes as quoted history.
  const text = mail.html ? htmlToText(mail.html) : (mail.text ?? "");
  return {
    from: sender?.address?.toLowerCase() ?? null,
    fromName: sender?.name || null,
    recipients: [...addresses(mail.to), ...addresses(mail.cc)],
    subject: mail.subject ?? "",
    date: mail.date ?? null,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    text,
  };
}
