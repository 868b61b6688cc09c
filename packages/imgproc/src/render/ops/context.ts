import type { ImageFormat } from "../../syntax/ast.ts";
import type { Plan } from "../plan.ts";
import type { Source } from "../source.ts";
import type { FontFace } from "../watermark/fonts.ts";
import type { Mark } from "../watermark/mark.ts";
import type { Budget } from "../work.ts";

/** What every operation may read besides the image: the plan, the source, the caller's options. */
export interface OpContext extends Budget {
  source: Source;
  plan: Plan;
  warnings: string[];
  resolveImage: ((key: string) => Promise<Uint8Array>) | undefined;
  fonts: Record<string, FontFace> | undefined;
  /**
   * Renders a watermark image with its own `image/…` processing (P = percent of the main image);
   * `formats` restricts what the image may be (OSS: JPG, PNG, BMP, WebP, TIFF).
   */
  renderMark:
    | ((
        bytes: Uint8Array,
        process: string | undefined,
        mainWidth: number,
        mainHeight: number,
        formats?: readonly ImageFormat[],
      ) => Promise<Mark>)
    | undefined;
}
