/**
 * The merchant guide's step 3 (create an API key), as the connect page shows it. Wording is ours;
 * the facts (menu path, switch, *all* checkboxes, DETAILS, Show) come from the agency's guide.
 */
export const CONNECT_GUIDE_STEPS: readonly { title: string; detail: string }[] = [
  {
    title: "Sign in as the store owner",
    detail: "Only the Lightspeed user marked as store owner can create API keys.",
  },
  {
    title: "Open Settings → Store Settings → Developers",
    detail: "In the left menu of your Lightspeed eCom back office, then choose New API key.",
  },
  { title: "Name the key “Actenzo” and press Save", detail: "The name tells you later which key belongs to us." },
  {
    title: "Switch the key on and tick all checkboxes",
    detail: "Enable the key, tick every permission checkbox (every Read and every Write), then press Save.",
  },
  {
    title: "Copy the key and the secret",
    detail: "Under DETAILS you see the API key; press Show to reveal the API secret. Paste both below.",
  },
];
