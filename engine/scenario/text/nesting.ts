/**
 * A fast over-estimate of how deeply a YAML text nests, taken before the `yaml` package parses it.
 *
 * Why: `yaml` composes nodes recursively. It catches the first stack overflow itself, but a second
 * one in the same process can abort V8 (an out-of-memory in the regular expression compiler), so a
 * server that validates two hostile uploads would die. Rejecting deep texts up front keeps the
 * parser far away from the stack limit. The estimate may be too high for odd but valid layouts
 * (it then errs on the side of refusing); it is never lower than the real depth.
 */

/** Bound on the estimated depth; real scenarios stay under 30, `yaml` overflows near 1,000. */
export const NESTING_SCAN_LIMIT = 200;

const SP = 32;
const TAB = 9;
const CR = 13;
const NL = 10;

/** Offset where the estimated nesting first exceeds `limit`, or -1. */
export function findExcessiveNesting(text: string, limit = NESTING_SCAN_LIMIT): number {
  const n = text.length;
  const stack: number[] = [];
  let blockScalarOwner = -1; // while >= 0, lines indented more than this belong to a block scalar
  let flow = 0; // open flow collections, carried across lines
  let flowBase = 0;
  let quote = 0; // open quote character carried across lines (34 or 39), or 0
  let i = 0;
  while (i < n) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = n;
    let j = i;
    while (j < lineEnd && text.charCodeAt(j) === SP) j++;
    const indent = j - i;
    const blank = j === lineEnd || (text.charCodeAt(j) === CR && j + 1 === lineEnd);
    if (blockScalarOwner >= 0) {
      if (blank || indent > blockScalarOwner) {
        i = lineEnd + 1;
        continue;
      }
      blockScalarOwner = -1;
    }
    if (quote === 0 && flow === 0) {
      if (blank || text.charCodeAt(j) === 35 /* # */) {
        i = lineEnd + 1;
        continue;
      }
      if ((text.startsWith('---', j) || text.startsWith('...', j)) && indent === 0 && isBreak(text.charCodeAt(j + 3), j + 3, lineEnd)) {
        stack.length = 0;
        j += 3;
      }
      while (stack.length > 0 && (stack[stack.length - 1] ?? 0) >= indent) stack.pop();
      stack.push(indent);
      let depth = 2 * stack.length;
      let owner = indent;
      // Items and keys opened on this line: "- - x", "- key: value", "? key", "key: [".
      for (;;) {
        while (j < lineEnd && isSpace(text.charCodeAt(j))) j++;
        if (j >= lineEnd) break;
        const c = text.charCodeAt(j);
        if ((c === 45 /* - */ || c === 63) /* ? */ && isBreak(text.charCodeAt(j + 1), j + 1, lineEnd)) {
          depth += 2;
          owner = j - i;
          j++;
          if (depth > limit) return j;
          continue;
        }
        if (c === 38 /* & */ || c === 33 /* ! */) {
          while (j < lineEnd && !isSpace(text.charCodeAt(j))) j++;
          continue;
        }
        if (c === 91 /* [ */ || c === 123 /* { */) {
          flowBase = depth;
          break;
        }
        if (c === 124 /* | */ || c === 62 /* > */) {
          blockScalarOwner = owner;
          j = lineEnd;
          break;
        }
        if (c === 35 /* # */) {
          j = lineEnd;
          break;
        }
        if (c === 34 || c === 39) {
          const end = skipQuoted(text, j + 1, lineEnd, c);
          if (end < 0) {
            quote = c;
            j = lineEnd;
            break;
          }
          j = end;
        }
        // A plain or quoted key followed by ": " opens a map value; anything else is a scalar.
        const colon = findKeyColon(text, j, lineEnd);
        if (colon < 0) {
          j = lineEnd;
          break;
        }
        depth += 2;
        owner = j - i;
        j = colon + 1;
        if (depth > limit) return j;
      }
      if (j >= lineEnd) {
        i = lineEnd + 1;
        continue;
      }
    }
    // Flow context or an open quoted scalar: scan characters to the end of the line.
    let prev = SP;
    for (; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (quote !== 0) {
        const end = skipQuoted(text, j, lineEnd, quote);
        if (end < 0) {
          j = lineEnd;
          break;
        }
        quote = 0;
        j = end - 1;
        prev = 97;
        continue;
      }
      if (flow === 0 && c !== 91 && c !== 123) break; // a finished flow collection or a finished quote
      if (c === 91 || c === 123) {
        flow++;
        if (flowBase + 2 * flow > limit) return j;
      } else if (c === 93 || c === 125) {
        flow = Math.max(0, flow - 1);
      } else if (c === 35 && isSpace(prev)) {
        break;
      } else if ((c === 34 || c === 39) && (isSpace(prev) || prev === 91 || prev === 123 || prev === 44 || prev === 58)) {
        quote = c;
      }
      prev = c;
    }
    i = lineEnd + 1;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === CR || c === NL;
}

function isBreak(c: number, at: number, lineEnd: number): boolean {
  return at >= lineEnd || c === SP || c === TAB || c === CR;
}

/** Offset just past the closing quote, or -1 when the quote does not close on this line. */
function skipQuoted(text: string, from: number, lineEnd: number, q: number): number {
  for (let k = from; k < lineEnd; k++) {
    const c = text.charCodeAt(k);
    if (q === 34 && c === 92 /* \ */) {
      k++;
      continue;
    }
    if (c === q) {
      if (q === 39 && text.charCodeAt(k + 1) === 39) {
        k++;
        continue;
      }
      return k + 1;
    }
  }
  return -1;
}

/** Offset of the ":" that ends an implicit key starting at `from`, or -1 (a comment ends the search). */
function findKeyColon(text: string, from: number, lineEnd: number): number {
  for (let k = from; k < lineEnd; k++) {
    const c = text.charCodeAt(k);
    if (c === 58 /* : */ && isBreak(text.charCodeAt(k + 1), k + 1, lineEnd)) return k;
    if (c === 35 /* # */ && k > from && isSpace(text.charCodeAt(k - 1))) return -1;
  }
  return -1;
}
