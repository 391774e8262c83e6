import { describe, expect, it } from "vitest";
import { parseReportParams } from "./report-params";
import { summarySegment } from "./summary-queries";

const segmentOf = (query: string) => summarySegment({ params: parseReportParams(new URLSearchParams(query)) });

describe("summarySegment", () => {
  it("serves no segment or exactly one from the summary", () => {
    expect(segmentOf("period=quarter")).toEqual({ dim: "all", val: "" });
    expect(segmentOf("country=DE")).toEqual({ dim: "country", val: "DE" });
    expect(segmentOf("specialist=none")).toEqual({ dim: "specialist", val: "none" });
    expect(segmentOf("cohort=2026-11-02")).toEqual({ dim: "cohort", val: "2026-11-02" });
  });

  it("leaves two filters, or a sign-up week that does not start on a Monday, to the clocks", () => {
    expect(segmentOf("country=DE&cluster=eu1")).toBeNull();
    expect(segmentOf("cohort=2026-11-04")).toBeNull();
  });
});
