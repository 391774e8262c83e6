import { updateOwnTimeZone } from "@/lib/staff/update-own-time-zone";
import { defineMutations } from "@/tests/helpers/mutations";

/** The profile's time zone for the role matrix (see tests/helpers/mutations.ts). */
export default defineMutations([
  {
    name: "profile: own time zone",
    permission: "profile:update",
    act: (actor) => updateOwnTimeZone(actor, { timeZone: "America/New_York" }),
  },
]);
