/**
 * Bytes to text, refusing what is not a scenario before any parser sees it: files over the size
 * limit, empty files, binary files (NUL bytes), UTF-16 and invalid UTF-8. Each refusal is located.
 */

/**
 * Largest scenario accepted: 16 MiB (for text passed as a string: that many UTF-16 code units).
 * A 10 MB JSON scenario validates in well under a second; YAML is slower (see parse.ts).
 */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

export interface DecodeError {
  line: number;
  col: number;
  message: string;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; error: DecodeError };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Decodes and checks a scenario file's content; a leading byte-order mark is dropped. */
export function decodeScenario(input: string | Uint8Array): DecodeResult {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_SCENARIO_BYTES) {
    return fail(1, 1, `the file is ${mib(size)}; scenarios are limited to ${mib(MAX_SCENARIO_BYTES)}: split it or trim generated parts`);
  }
  if (size === 0) return fail(1, 1, 'the file is empty; a scenario starts with "ramparts: 1" followed by meta, teams, network, campaigns and scoring');
  if (typeof input === 'string') {
    const nul = input.indexOf('\u0000');
    if (nul >= 0) return failAtText(input, nul, 'NUL character: this looks like a binary file, not a YAML or JSON scenario');
    return { ok: true, text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return fail(1, 1, 'the file is UTF-16 encoded; save it as UTF-8');
  }
  const nul = input.indexOf(0);
  if (nul >= 0) return failAtByte(input, nul, 'NUL byte: this looks like a binary file, not a YAML or JSON scenario');
  let text: string;
  try {
    text = utf8.decode(input);
  } catch {
    const at = firstInvalidUtf8(input);
    return failAtByte(input, at, 'invalid UTF-8: save the file as UTF-8');
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function fail(line: number, col: number, message: string): DecodeResult {
  return { ok: false, error: { line, col, message } };
}

function failAtText(text: string, offset: number, message: string): DecodeResult {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return fail(line, offset - lineStart + 1, message);
}

function failAtByte(bytes: Uint8Array, offset: number, message: string): DecodeResult {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const col = lenient.decode(bytes.subarray(lineStart, offset)).length + 1;
  return fail(line, col, message);
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
