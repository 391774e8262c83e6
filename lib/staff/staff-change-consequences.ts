import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

/** What each role may do that matters when someone gains or loses it, in words for the dialog. */
const POWERS: Record<Role, string> = {
  specialist: "claim and work merchants, but not assign others or reveal secrets",
  lead: "see every queue, assign merchants to anyone and reveal secrets",
  admin: "manage staff and jobs, see every queue and reveal secrets",
};

/** The confirmation text for a role change: what the person will be able to do, and the sign-out. */
export function roleChangeConsequence(name: string, from: Role, to: Role): string {
  const first = name.split(" ")[0] ?? name;
  return (
    `${name} becomes ${articled(ROLE_LABELS[to])} (was ${ROLE_LABELS[from].toLowerCase()}): ` +
    `${first} will ${POWERS[to]}. ${first} is signed out everywhere and signs in again under the new role.`
  );
}

/** The confirmation text for a deactivation, naming where the open merchants will go. */
export function deactivationConsequence(name: string, openMerchants: number, receiver: string | null): string {
  const signOut = `${name} is signed out on their next click and can no longer sign in.`;
  if (openMerchants === 0) return `${name} has no open merchants. ${signOut}`;
  const them = `${name} has ${openMerchants} open merchant${openMerchants === 1 ? "" : "s"}`;
  const where = receiver ?? "the active specialists, fewest open merchants first";
  return `${them}; ${openMerchants === 1 ? "it" : "they"} will go to ${where}. ${signOut}`;
}

/** The confirmation text for approving a company sign-in: who, with which role, and what that allows. */
export function approvalConsequence(name: string, email: string, role: Role): string {
  const first = name.split(" ")[0] ?? name;
  return (
    `${name} (${email}) can sign in with the company account as ${articled(ROLE_LABELS[role])}: ` +
    `${first} will ${POWERS[role]}. To give another role, change it before approving.`
  );
}

function articled(label: string) {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? "an" : "a"} ${lower}`;
}
