/** next-auth's id for company sign-in (its callback is /api/auth/callback/company); safe for client components. */
export const COMPANY_PROVIDER_ID = "company";
