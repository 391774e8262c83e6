import { describe, expect, it } from "vitest";
import { connectionTarget } from "./connection-target";

describe("connectionTarget", () => {
  it("leaves a TCP URL as it is", () => {
    expect(connectionTarget("postgres://actenzo_app@127.0.0.1:5432/actenzo")).toEqual({
      url: "postgres://actenzo_app@127.0.0.1:5432/actenzo",
    });
  });

  it("turns libpq's host parameter into the socket's path and keeps the other parameters", () => {
    expect(
      connectionTarget("postgres://actenzo_app@localhost:5433/actenzo?host=/var/run/postgresql/&sslmode=disable"),
    ).toEqual({
      url: "postgres://actenzo_app@localhost:5433/actenzo?sslmode=disable",
      path: "/var/run/postgresql/.s.PGSQL.5433",
    });
    expect(connectionTarget("postgres://actenzo_app@localhost/actenzo?host=/tmp").path).toBe("/tmp/.s.PGSQL.5432");
  });

  it("refuses a host parameter that is not a directory", () => {
    expect(() => connectionTarget("postgres://actenzo_app@localhost/actenzo?host=db.internal")).toThrow(/Unix-socket/);
  });
});
