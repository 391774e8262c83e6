import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { connectLinks } from "@/db/schema";
import { createConnectLink } from "@/lib/connect-links/create-connect-link";
import { revokeConnectLink } from "@/lib/connect-links/revoke-connect-link";
import { createMerchant } from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { defineMutations } from "@/tests/helpers/mutations";

const linksOf = (merchantId: string) => db.select().from(connectLinks).where(eq(connectLinks.merchantId, merchantId));

/** Connect-link verbs for the role-matrix test. */
export default defineMutations([
  {
    name: "connect links: create",
    permission: "connect-link:manage",
    arrange: async () => ({ merchant: await createMerchant() }),
    act: (actor, { merchant }) => createConnectLink(actor!, { merchantId: merchant.id }),
    happened: async ({ merchant }) => (await linksOf(merchant.id)).length === 1,
  },
  {
    name: "connect links: revoke",
    permission: "connect-link:manage",
    arrange: async () => {
      const merchant = await createMerchant();
      // The system may not manage links; a lead creates the one to revoke.
      const { actor } = await createStaff({ role: "lead" });
      return { merchant, link: await createConnectLink(actor, { merchantId: merchant.id }) };
    },
    act: (actor, { link }) => revokeConnectLink(actor!, { linkId: link.id }),
    happened: async ({ merchant }) => (await linksOf(merchant.id))[0]?.revokedAt !== null,
  },
]);
