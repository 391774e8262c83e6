import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "./parse-input";

const schema = z.object({ name: z.string().min(1, "Give a name"), age: z.number("Give an age") });

function thrown(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseInput", () => {
  it("returns the parsed data", () => {
    expect(parseInput(schema, { name: "Ann", age: 3 })).toEqual({ name: "Ann", age: 3 });
  });

  it("throws a ValidationError whose message is the first field's message, with every field's errors", () => {
    const error = thrown(() => parseInput(schema, { name: "" }));
    expect(error.message).toBe("Give a name");
    expect(error.fieldErrors).toEqual({ name: ["Give a name"], age: ["Give an age"] });
  });

  it("can fix the message, name the field, or fall back when zod has no message for a field", () => {
    expect(thrown(() => parseInput(schema, {}, { message: "Check the form." })).message).toBe("Check the form.");
    expect(thrown(() => parseInput(schema, { name: "", age: 1 }, { namedField: true })).message).toBe(
      "name: Give a name",
    );
    expect(thrown(() => parseInput(z.string(), 1, { fallback: "Nope." })).message).not.toBe("");
  });
});
