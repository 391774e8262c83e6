import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function MerchantNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 p-10 text-center">
      <h1 className="text-xl font-semibold">Merchant not found</h1>
      <p className="text-muted-foreground">
        This merchant does not exist or the link is incomplete. Search for it in the queue.
      </p>
      <Button asChild variant="outline">
        <Link href="/queue">Back to the queue</Link>
      </Button>
    </div>
  );
}
