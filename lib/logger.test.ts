import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { redact, serializeError } from "./logger";

describe("error serialisation in log lines", () => {
  it("drops drizzle's SQL and parameters, keeping what the driver error says by code", () => {
    const driver = Object.assign(new Error('invalid input syntax for type uuid: "sanne@wijnhuis.nl"'), {
      name: "PostgresError",
      severity: "ERROR",
      code: "23505",
      constraint_name: "staff_users_email_unique",
      table_name: "staff_users",
      detail: "Key (email)=(sanne@wijnhuis.nl) already exists.",
      query: "insert into staff_users (email) values ($1)",
      parameters: ["sanne@wijnhuis.nl"],
    });
    const wrapped = new DrizzleQueryError("insert into staff_users (email) values ($1)", ["sanne@wijnhuis.nl"], driver);
    const line = JSON.stringify(redact({ error: wrapped }));
    expect(line).not.toMatch(/sanne|insert into|\$1/);
    expect(serializeError(wrapped)).toEqual({
      name: "Error",
      message: "Database query failed (SQL and parameters not logged).",
      cause: { name: "PostgresError", code: "23505", constraint: "staff_users_email_unique", table: "staff_users" },
    });
  });

  it("keeps name, message, a string code and the cause of other errors", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379", { cause: new TypeError("inner") }), {
      code: "ECONNREFUSED",
    });
    expect(serializeError(error)).toEqual({
      name: "Error",
      message: "connect ECONNREFUSED 127.0.0.1:6379",
      code: "ECONNREFUSED",
      cause: { name: "TypeError", message: "inner" },
    });
  });
});
