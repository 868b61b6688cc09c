import type { OperationSpec } from "../catalogue/types.ts";

/** `circle` (reference A.2.4; size per the Decisions: a (2r+1)-pixel square). */
export const circle: OperationSpec = {
  name: "circle",
  form: "keyed",
  description: "Keep the circle of radius r around the centre; outside is transparent or white.",
  params: [
    {
      name: "r",
      type: { kind: "int", min: 1, max: 4096 },
      required: true,
      description: "Radius; clamped to (shorter side − 1)/2.",
      codes: { invalid: "0040-00000233" },
    },
  ],
};

/** `rounded-corners` (reference A.2.5). */
export const roundedCorners: OperationSpec = {
  name: "rounded-corners",
  form: "keyed",
  description: "Round the corners with radius r; the size is unchanged.",
  params: [
    {
      name: "r",
      type: { kind: "int", min: 1, max: 4096 },
      required: true,
      description: "Corner radius; clamped to half the shorter side.",
      codes: { invalid: "0040-00000237" },
    },
  ],
};

/** `info` (reference A.2.14). */
export const info: OperationSpec = {
  name: "info",
  form: "none",
  description: "Return the image's size, format and EXIF as JSON instead of the image.",
  params: [],
};

/** `average-hue` (reference A.2.14). */
export const averageHue: OperationSpec = {
  name: "average-hue",
  form: "none",
  description: 'Return the average colour as JSON {"RGB": "0xRRGGBB"}.',
  params: [],
};
