/**
 * Spreadsheet text from the bytes a program saved: UTF-8 with or without a byte-order mark,
 * UTF-16 ("Unicode Text" from Excel, little or big endian, with or without a mark) and Windows-1252
 * (Excel's "CSV" on a Western Windows). Pure: TextDecoder only, in the browser as in Node.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const decode = (label: string, bytes: Uint8Array, fatal = false): string => new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);

/** Windows-1252's 0x80-0x9F (where it differs from Latin-1); runtimes without full ICU decode these as C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/**
 * UTF-16 without a mark: text in Latin and Arabic scripts has a zero in most code units' high byte
 * (Latin) or a small high byte (Arabic 0x06); a zero byte at odd positions says little endian.
 */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** A zip archive (an .xlsx workbook, a .docx, ...) starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The text of a saved sheet and the encoding it was read as. A byte-order mark decides; without one,
 * UTF-16 is recognised by its zero bytes, then the bytes are read as UTF-8 if they are valid UTF-8,
 * else as Windows-1252 (which maps every byte). The mark is not part of the text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const wide = utf16Without(bytes);
  if (wide) return { text: decode(wide, bytes), encoding: wide };
  try {
    return { text: decode('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

export const ENCODING_NAMES: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte-order mark',
  'utf-16le': 'UTF-16 (little endian)',
  'utf-16be': 'UTF-16 (big endian)',
  'windows-1252': 'Windows-1252 (not valid UTF-8)',
};
