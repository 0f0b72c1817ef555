/**
 * The hostile values the seeded mutators of fuzz-mutate.ts splice into real files: strings that have
 * broken parsers before (control characters, bidi overrides, lone surrogates, YAML syntax), values of
 * every JSON type, byte sequences that are invalid or meaningful in UTF-8, YAML and CSV, and YAML tokens
 * (tags, anchors, aliases, directives, numbers and booleans of YAML 1.1), and durations at the edge.
 * The fuzz tests also draw
 * NASTY_STRINGS and NASTY_VALUES directly.
 */

/** Strings that have broken parsers before: control characters, bidi overrides, lone surrogates, YAML syntax. */
export const NASTY_STRINGS: readonly string[] = [
  '', ' ', '\u0000', '\u0007\u001b[31m', '\t', '\r', '\r\n', '\uFEFF', '\u202Eevil\u202C', '\u200B\u200D', '\uD800', '\uDFFF',
  'a\u0301\u0301\u0301', '😀🏴‍☠️', 'نص عربي', '中文', '~', 'null', 'true', 'NaN', '.inf', '-.nan', '0x1F', '0o17', '1e400',
  '12:30:00', '2025-13-45T99:99:99Z', 'T9999.999', 'TA0000', '../../etc/passwd', '%00', '${x}', '{{x}}', '&a', '*a', '!!binary',
  '<<', '- ', ': ', '? ', '#', '|', '>', '"', "'", '\\', '[', ']', '{', '}', ',', 'x'.repeat(5000), '__proto__', 'constructor', 'toString',
];

/** Values of every JSON type, including the ones a schema least expects. */
export const NASTY_VALUES: readonly unknown[] = [
  null, true, false, 0, -0, -1, 1, 0.5, -1.5, 1e21, -1e21, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 4294967296, 3.999999999999999,
  '', 'x', '1', '45m', '-5m', '99999999999999999d', [], [null], [[]], {}, { '': '' }, JSON.parse('{"__proto__":{"polluted":1}}') as unknown, ...NASTY_STRINGS.slice(0, 20),
];

/** Bytes that are invalid or meaningful in UTF-8, YAML or CSV, spliced in by mutateBytes. */
export const SPECIAL_BYTES: readonly (readonly number[])[] = [
  [0], [0xff], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xc3], [0xe2, 0x80], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0x0d], [0x0a], [0x09],
  [0x22], [0x27], [0x3a, 0x20], [0x2d, 0x20], [0x7b], [0x7d], [0x5b], [0x5d], [0x26, 0x61], [0x2a, 0x61], [0x21, 0x21], [0x23], [0x7c], [0x3e],
  [0x2c], [0x3b], [0x5c],
];

/** YAML tokens spliced in by mutateLines: tags, anchors and aliases, flow and block syntax, directives, YAML 1.1 numbers and booleans. */
export const YAML_TOKENS: readonly string[] = [
  '!!str ', '!!int ', '!!binary ', '!!set ', '!!omap ', '!!map ', '!!seq ', '!custom ', '!<tag:x> ', '&anchor ', '*anchor', '*nowhere', '<<: *anchor',
  '? ', '- ', ': ', '{', '}', '[', ']', '|', '>-', '"', "'", '#', '---', '...', '%YAML 1.1', '%TAG ! tag:x:', '\t', '  ', '@', '`', '~', '.inf', '-.inf',
  '.nan', '0x7fffffffffffffff', '123456789012345678901234567890', '1e999', '-0', '0o777', '1_000', '2025-02-30', 'yes', 'no', 'on', 'off',
];

/** Durations too long, or at the edge (simulated time ends a year after T+0), set by mutateValue where a duration was. */
export const DURATION_EDGES: readonly string[] = ['99999999999999d', '9007199254740993ms', '3651d', '365d1ms', '365d', '364d23h59m59s999ms', '0', '0ms', '1ms', '8760h', '525601m', '1d25h', '01h'];
