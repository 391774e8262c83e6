/** The email that carries a connect link to the merchant's contact. Pure. */
export function connectLinkMail(input: { contactName: string; shopName: string; url: string; expiresAt: Date }) {
  const until = input.expiresAt.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const text = [
    `Hello ${input.contactName},`,
    "",
    `To connect ${input.shopName} to Actenzo we need an API key and its secret from your Lightspeed back office.`,
    "Instead of emailing them to us, please enter both on this secure page. It shows where to click and checks the key right away:",
    "",
    input.url,
    "",
    `The link works until ${until} and only for your shop. If it has expired, reply to this email and we will send a new one.`,
    "",
    "Kind regards,",
    "The Actenzo onboarding team",
  ].join("\n");
  return { subject: `Connect ${input.shopName} to Actenzo: your secure link`, text };
}
