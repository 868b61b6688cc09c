/**
 * Splits a message that marks code with backticks (the parser's and the server's messages do:
 * "`abc` is not a number") into plain and code parts, so the screen shows code as code and never a raw
 * backtick. An unpaired backtick is dropped.
 * @example
 * splitTicks("`w` must be a number"); // [{ code: true, text: "w" }, { code: false, text: " must be a number" }]
 */
export function splitTicks(message: string): Array<{ code: boolean; text: string }> {
  const parts = message.split("`");
  // An odd count of backticks leaves the last one unpaired: its text is plain.
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  return parts
    .map((text, i) => ({ code: i % 2 === 1 && i < paired, text }))
    .filter((part) => part.text !== "");
}

/** The message as plain text, backticks removed (for titles, tooltips and screen-reader text). */
export function stripTicks(message: string): string {
  return splitTicks(message)
    .map((p) => p.text)
    .join("");
}
