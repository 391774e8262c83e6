import { systemActor } from "@/lib/auth/actor";
import {
  addNote,
  assignMerchants,
  cancelMerchant,
  clearMerchantAction,
  completeStep,
  createMerchant as createMerchantVerb,
  holdMerchant,
  openRekeyFlow,
  requireMerchantAction,
  resumeMerchant,
  undoStep,
} from "@/lib/onboarding";
import { STEPS } from "@/lib/pipeline/steps";
import {
  buildSignup,
  createMerchant,
  countByDomain,
  doneSteps,
  eventsOf,
  readMerchant,
} from "@/tests/factories/merchant";
import { createStaff } from "@/tests/factories/staff";
import { defineMutations } from "@/tests/helpers/mutations";

/** The onboarding write verbs in the role-matrix test (see tests/helpers/mutations.ts). */
const system = systemActor("role-matrix-arrange");
const NOBODY = "00000000-0000-4000-8000-000000000000";

export default defineMutations([
  {
    name: "onboarding: create merchant",
    permission: "merchant:create",
    arrange: async () => buildSignup(),
    act: (actor, signup) => createMerchantVerb(actor!, signup),
    happened: async (signup) => (await countByDomain(signup.shopDomain)) === 1,
  },
  {
    name: "onboarding: complete step",
    permission: "merchant:update",
    arrange: () => createMerchant(),
    act: (actor, m) => completeStep(actor!, { merchantId: m.id, stage: "user_created" }),
    happened: async (m) => (await doneSteps(m.id)).includes("user_created"),
  },
  {
    name: "onboarding: undo step",
    permission: "merchant:update",
    arrange: () => createMerchant({}, { completed: ["user_created"] }),
    act: (actor, m) => undoStep(actor!, { merchantId: m.id, stage: "user_created", reason: "Not there yet" }),
    happened: async (m) => !(await doneSteps(m.id)).includes("user_created"),
  },
  {
    name: "onboarding: hold merchant",
    permission: "merchant:update",
    arrange: () => createMerchant(),
    act: (actor, m) => holdMerchant(actor!, { merchantId: m.id, reason: "Holiday" }),
    happened: async (m) => (await readMerchant(m.id)).onHold,
  },
  {
    name: "onboarding: resume merchant",
    permission: "merchant:update",
    arrange: async () => {
      const m = await createMerchant();
      await holdMerchant(system, { merchantId: m.id, reason: "Holiday" });
      return m;
    },
    act: (actor, m) => resumeMerchant(actor!, { merchantId: m.id }),
    happened: async (m) => !(await readMerchant(m.id)).onHold,
  },
  {
    name: "onboarding: cancel merchant",
    permission: "merchant:cancel",
    arrange: () => createMerchant(),
    act: (actor, m) => cancelMerchant(actor!, { merchantId: m.id, reason: "Chose another agency" }),
    happened: async (m) => (await readMerchant(m.id)).cancelledAt !== null,
  },
  {
    name: "onboarding: add note",
    permission: "merchant:update",
    arrange: () => createMerchant(),
    act: (actor, m) => addNote(actor!, { merchantId: m.id, note: "Called the owner" }),
    happened: async (m) => (await eventsOf(m.id, "note")).length === 1,
  },
  {
    name: "onboarding: require merchant action",
    permission: "merchant:update",
    arrange: () => createMerchant(),
    act: (actor, m) => requireMerchantAction(actor!, { merchantId: m.id, reason: "Approve our user" }),
    happened: async (m) => (await readMerchant(m.id)).merchantActionRequired !== null,
  },
  {
    name: "onboarding: clear merchant action",
    permission: "merchant:update",
    arrange: async () => {
      const m = await createMerchant();
      await requireMerchantAction(system, { merchantId: m.id, reason: "Approve our user" });
      return m;
    },
    act: (actor, m) => clearMerchantAction(actor!, { merchantId: m.id }),
    happened: async (m) => (await readMerchant(m.id)).merchantActionRequired === null,
  },
  {
    name: "onboarding: open re-key flow",
    permission: "merchant:update",
    arrange: () => createMerchant({}, { completed: STEPS }),
    act: (actor, m) => openRekeyFlow(actor!, { merchantId: m.id, reason: "Key was disabled" }),
    happened: async (m) => (await eventsOf(m.id, "rekey_opened")).length === 1,
  },
  {
    name: "onboarding: claim merchant for oneself",
    permission: "merchant:claim",
    arrange: () => createMerchant(),
    act: (actor, m) => assignMerchants(actor!, { merchantIds: [m.id], specialistId: actor?.id ?? NOBODY }),
    happened: async (m) => (await readMerchant(m.id)).specialistId !== null,
  },
  {
    name: "onboarding: assign merchant to someone else",
    permission: "merchant:assign",
    arrange: async () => ({
      merchant: await createMerchant(),
      target: (await createStaff({ role: "specialist" })).user,
    }),
    act: (actor, { merchant, target }) =>
      assignMerchants(actor!, { merchantIds: [merchant.id], specialistId: target.id }),
    happened: async ({ merchant, target }) => (await readMerchant(merchant.id)).specialistId === target.id,
  },
]);
