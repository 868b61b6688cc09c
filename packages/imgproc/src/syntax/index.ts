/**
 * `@style-console/imgproc/syntax`: the style languages of Alibaba Cloud OSS (`image/…`, `style/…`)
 * and JD Cloud (`img/…`, `imgalias/…`, `imginfo`, `imgexif`), parsed and validated without any Node
 * API so the browser can run it on every keystroke.
 */

export { parseWatermarkProcess } from "./alibaba/index.ts";
export type * from "./ast.ts";
export { decodeBase64Url, encodeBase64Url } from "./base64/index.ts";
export { getOperationSpec, OPERATION_NAMES, operationCatalogue } from "./catalogue/index.ts";
export type { OperationSpec, ParamSpec, ParamType } from "./catalogue/types.ts";
export { jdActions } from "./jd/actions.ts";
export type { ConvertResult, Unconverted } from "./jd/convert.ts";
export { convertJdToAlibaba } from "./jd/convert.ts";
export { splitWatermarkImage, WATERMARK_FONTS } from "./operations/watermark.ts";
export { parseProcess } from "./process/index.ts";
export type { ProcessSize } from "./process/measure.ts";
export { measureProcess } from "./process/measure.ts";
export { parseProcessQuery } from "./query/index.ts";
export type { SerializeResult } from "./serialize/index.ts";
export { serialize, serializeImage, serializeJd, serializeOperation } from "./serialize/index.ts";
export type { StyleContentCheck } from "./style-content/index.ts";
export { checkStyleContent } from "./style-content/index.ts";
export type { StyleToken, StyleTokenType } from "./tokens/index.ts";
export { tokenAt, tokenizeStyle } from "./tokens/index.ts";
