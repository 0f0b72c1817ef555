/**
 * Tokens that must read left to right as one piece inside any text: handles (`@SwordOfTheSands`,
 * whose `@` the bidi algorithm would move to the other end in Arabic) and IPv4 addresses with an
 * optional prefix length or port (which must not wrap mid-address). The renderer puts each in a
 * left-to-right isolate that does not wrap (`<bdi dir="ltr" class="nowrap">`).
 */
const TOKEN = /(?<![\p{L}\p{N}_@.])(@[A-Za-z0-9_]{2,}|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2}|:\d{1,5})?)(?![\p{L}\p{N}_]|\.\d)/gu;

export type Piece = string | { ltr: string };

/** `text` cut into plain pieces and tokens to isolate, in order; joined they are `text` again. */
export function isolateTokens(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push({ ltr: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
