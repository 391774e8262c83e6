import { StoreIcon } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { MerchantWorkspace } from "@/lib/onboarding/workspace/types";
import { describeShop } from "@/lib/verification/shop-identity";
import { confirmShopAction } from "../verification-actions";
import { InlineActionForm } from "./action-form";

/**
 * The first healthy key reported a shop whose domain differs from the sign-up: the key works and
 * is active, but the shop is not pinned and Live waits until a specialist confirms it.
 */
export function ShopIdentityBanner({ workspace }: { workspace: MerchantWorkspace }) {
  const m = workspace.merchant;
  const review = m.shopIdentityReview;
  if (!review || m.cancelledAt) return null;
  const reported = describeShop({
    accountId: review.accountId,
    domain: review.reportedDomain,
    title: review.reportedTitle,
  });
  return (
    <Alert variant="warning" data-testid="shop-identity-banner">
      <StoreIcon aria-hidden />
      <AlertTitle>Confirm the merchant&apos;s shop</AlertTitle>
      <AlertDescription className="space-y-2 break-words">
        <p>
          Lightspeed says the new API key belongs to <strong>{reported}</strong>, but the merchant signed up with{" "}
          <strong>{review.signupDomain}</strong>. The key works, but Live waits until you confirm this is the
          merchant&apos;s shop. If it is not, undo &ldquo;Key verified&rdquo; and ask the merchant for a key of{" "}
          {review.signupDomain}.
        </p>
        {workspace.abilities.update && (
          <InlineActionForm
            action={confirmShopAction}
            fields={{ merchantId: m.id }}
            label={`Confirm ${review.reportedDomain ?? "the shop"} is theirs`}
          />
        )}
      </AlertDescription>
    </Alert>
  );
}
