import { createElement } from "react";
import { render } from "@react-email/render";
import type { DigestView } from "../digest-view";
import { DigestEmail } from "./digest-email";

export type RenderedDigest = { subject: string; text: string; html: string };

/** A digest as HTML and its plain-text twin (react-email), with its subject. */
export async function renderDigest(view: DigestView): Promise<RenderedDigest> {
  const element = createElement(DigestEmail, { view });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: view.subject, text, html };
}
