import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { NewMerchantForm } from "./_components/new-merchant-form";

export const metadata: Metadata = { title: "New merchant" };

export default async function NewMerchantPage() {
  await requirePagePermission("merchant:create");
  return (
    <div className="mx-auto w-full max-w-2xl space-y-6 p-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">New merchant</h1>
        <p className="text-sm text-muted-foreground">
          Record a sign-up that did not come through the portal. The merchant starts at &ldquo;Back-office user
          created&rdquo;.
        </p>
      </div>
      <NewMerchantForm />
    </div>
  );
}
