import type { OperationName } from "@style-console/imgproc/syntax";
import type { MessageKey } from "../i18n/en.ts";
import { dictionaries } from "../i18n/translate.ts";

const has = (key: string): key is MessageKey => key in dictionaries.en;

/** The dictionary key of an operation's title. */
export function opTitleKey(op: OperationName): MessageKey {
  const key = `op.${op}`;
  return has(key) ? key : "param.value";
}

/** The label key of a parameter: specific to its operation when the meaning differs (`blur`'s `s`). */
export function paramLabelKey(op: OperationName, param: string): MessageKey {
  const specific = `param.${op}.${param}`;
  if (has(specific)) return specific;
  const generic = `param.${param}`;
  return has(generic) ? generic : "param.value";
}
