import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { isUnused } from "./api.ts";
import { DailyChart } from "./DailyChart.tsx";

const DAY = 86_400_000;

describe("isUnused (the 'unused for 30 days' filter)", () => {
  const now = Date.UTC(2026, 10, 29);
  it.each([
    ["never used", null, true],
    ["used 31 days ago", new Date(now - 31 * DAY).toISOString(), true],
    ["used 29 days ago", new Date(now - 29 * DAY).toISOString(), false],
    ["used today", new Date(now).toISOString(), false],
  ])("%s", (_name, lastUsed, expected) => {
    expect(isUnused({ lastUsed }, now)).toBe(expected);
  });
});

describe("DailyChart", () => {
  it("draws one bar per day, the busiest full height, with each day's count as its title", () => {
    const { container } = render(
      <DailyChart
        daily={[
          { day: "2026-11-27", requests: 0 },
          { day: "2026-11-28", requests: 5 },
          { day: "2026-11-29", requests: 10 },
        ]}
        label="Requests per day"
        height={20}
      />,
    );
    const bars = [...container.querySelectorAll("rect")];
    expect(bars.map((b) => b.getAttribute("height"))).toEqual(["1", "10", "20"]);
    expect(bars.map((b) => b.textContent)).toEqual(["2026-11-27: 0", "2026-11-28: 5", "2026-11-29: 10"]);
    expect(container.querySelector("svg")?.getAttribute("aria-label")).toBe("Requests per day");
  });
});
