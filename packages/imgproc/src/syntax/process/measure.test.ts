import { describe, expect, it } from "vitest";
import { measureProcess } from "./measure.ts";

const MEASURE_CASES: { input: string; bytes: number; actions: number }[] = [
  { input: "image/resize,w_200/quality,q_90", bytes: 31, actions: 2 },
  { input: "image/resize,w_0/rotate,400/", bytes: 28, actions: 2 },
  { input: "img/s/200/300/cc/200/260", bytes: 24, actions: 2 },
  { input: "img/s/0/300/cc/200/260/o", bytes: 24, actions: 3 },
  { input: "img/wmt/wt/5Lqs5Lic5LqR/wp/5", bytes: 28, actions: 1 },
  { input: "style/京", bytes: 9, actions: 0 },
];

describe("measureProcess", () => {
  it.each(MEASURE_CASES)("$input", ({ input, bytes, actions }) => {
    expect(measureProcess(input)).toEqual({ bytes, actions });
  });
});
