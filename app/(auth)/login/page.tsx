import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

/** next-auth's own error codes (when it redirects here instead of answering the form). */
const ERROR_CODES: Record<string, string> = {
  CredentialsSignin: "Invalid email or password.",
  SessionRequired: "Please sign in to continue.",
};

/** Our own messages (lib/auth/sign-in.ts) may be echoed back; arbitrary URL text never is (phishing). */
const OUR_MESSAGES =
  /^(Invalid email or password\.|Enter your email and password\.|Too many failed sign-ins\. Try again in \d+ minutes?\.|Sign-in is unavailable right now\. Please try again in a moment\.)$/;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, env.APP_URL);
  if (await getActor()) redirect(callbackUrl);

  const code = typeof params.error === "string" ? params.error : undefined;
  const initialError = code
    ? (ERROR_CODES[code] ?? (OUR_MESSAGES.test(code) ? code : "Sign-in failed. Please try again."))
    : undefined;
  const email = typeof params.email === "string" ? params.email : "";

  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 px-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Actenzo Onboarding Console</CardTitle>
          <CardDescription>Sign in with your staff account.</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm callbackUrl={callbackUrl} initialError={initialError} initialEmail={email} />
        </CardContent>
      </Card>
    </main>
  );
}
