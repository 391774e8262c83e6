import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CircleAlertIcon } from "@/components/ui/icons";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { companySignInMessage, signInMethods } from "@/lib/auth/sign-in-methods";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Separator } from "@/components/ui/separator";
import { CompanySignInButton } from "./company-sign-in-button";
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

  const methods = signInMethods();
  const code = typeof params.error === "string" ? params.error : undefined;
  const companyError = code && methods.company ? companySignInMessage(code, methods.company) : null;
  const initialError = code
    ? (companyError ?? ERROR_CODES[code] ?? (OUR_MESSAGES.test(code) ? code : "Sign-in failed. Please try again."))
    : undefined;
  const email = typeof params.email === "string" ? params.email : "";

  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 px-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Actenzo Onboarding Console</CardTitle>
          <CardDescription>
            {methods.password ? "Sign in with your staff account." : `Sign in with ${methods.company?.name}.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {methods.company ? (
            <>
              {/* With the password form off, its error slot is gone: refusals show here. */}
              {!methods.password && initialError ? (
                <Alert variant="destructive" aria-live="polite">
                  <CircleAlertIcon />
                  <AlertDescription data-testid="login-error">{initialError}</AlertDescription>
                </Alert>
              ) : null}
              <CompanySignInButton name={methods.company.name} callbackUrl={callbackUrl} />
              {methods.password ? (
                <div className="flex items-center gap-3 text-xs text-muted-foreground">
                  <Separator className="flex-1" />
                  or with a password
                  <Separator className="flex-1" />
                </div>
              ) : null}
            </>
          ) : null}
          {methods.password ? (
            <LoginForm callbackUrl={callbackUrl} initialError={initialError} initialEmail={email} />
          ) : null}
        </CardContent>
      </Card>
    </main>
  );
}
