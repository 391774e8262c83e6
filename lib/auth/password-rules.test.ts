import { describe, expect, it } from "vitest";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-rules";

describe("password rules", () => {
  it.each([
    ["12 spaces", " ".repeat(12), PASSWORD_MESSAGES.onlyWhitespace],
    ["tabs and spaces", " \t ".repeat(5), PASSWORD_MESSAGES.onlyWhitespace],
    ["one repeated letter", "aaaaaaaaaaaa", PASSWORD_MESSAGES.repeated],
    ["one repeated digit, longer", "1".repeat(40), PASSWORD_MESSAGES.repeated],
    ["too short", "short pass", PASSWORD_MESSAGES.tooShort],
    ["too long", "x1".repeat(129), PASSWORD_MESSAGES.tooLong],
    ["a common password", "qwerty123456", PASSWORD_MESSAGES.common],
    ["a common password, other case and padded", "  1Qaz2Wsx3Edc ", PASSWORD_MESSAGES.common],
    ["a common password", "administrator", PASSWORD_MESSAGES.common],
    ["a NUL byte", "correct horse\u0000battery", UNSTORABLE_TEXT_MESSAGE],
  ])("refuses %s and says which rule failed", (_name, password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it("refuses the person's email address and its local part, whatever the case", () => {
    expect(passwordProblem("Noor.Jansen@Actenzo.test", "noor.jansen@actenzo.test")).toBe(PASSWORD_MESSAGES.email);
    expect(passwordProblem("noor.jansen.wijn", "Noor.Jansen.Wijn@actenzo.test")).toBe(PASSWORD_MESSAGES.email);
    // The same password is fine for someone else.
    expect(passwordProblem("noor.jansen.wijn", "sanne@actenzo.test")).toBeNull();
  });

  it("accepts a long passphrase", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("wijnhuis de bron 2026", "sanne@wijnhuis.nl")).toBeNull();
  });
});
