import { splitTicks } from "../lib/ticks.ts";

/** A message with its `code` parts as `<code>`: no raw backtick ever reaches the screen. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitTicks(text).map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
