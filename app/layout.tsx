import type { Metadata } from "next";
import { connection } from "next/server";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Actenzo Onboarding Console", template: "%s · Actenzo Onboarding" },
  description: "Onboard Lightspeed eCom merchants to Actenzo feeds.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next can only put proxy.ts's CSP nonce on its scripts then
  // (a prerendered page would carry no nonce and its scripts would be blocked).
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
