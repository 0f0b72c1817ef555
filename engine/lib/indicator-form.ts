/**
 * The canonical form of an indicator value, so that the TLP re-share check (sim/tlp.ts) compares
 * indicators as analysts mean them, not as they happen to be typed: `EVIL.example.`, ` evil[.]example`
 * and `evil(.)example` are the same domain, `hxxps://evil[.]example/A` the same URL as
 * `https://evil.example/A`, and a SHA-256 in capitals the same hash.
 *
 * Steps: surrounding whitespace (and zero-width characters) removed; defanging undone (`[.]`, `(.)`,
 * `{.}`, `[dot]`, `(dot)`, `[:]`, `[://]`, `[@]`, `(@)`, `[at]`, `hxxp`, `hxxps`, `fxp`); then by kind,
 * recognised from the value's shape: hashes (hex of 32, 40, 64 or 128 digits), domains, e-mail
 * addresses and IPv6 addresses in lower case; domains (alone, in an e-mail address or a URL's host)
 * without a trailing dot; a URL's scheme and host in lower case, its path as written. Anything else
 * (file names, registry keys, free strings) keeps its case. Pure: text in, text out.
 */

const SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const DEFANG: ReadonlyArray<[RegExp, string]> = [
  [/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}|\[dot\]|\(dot\)/gi, '.'],
  [/\[\s*:\s*\/\/\s*\]/g, '://'],
  [/\[\s*:\s*\]/g, ':'],
  [/\[\s*@\s*\]|\(\s*@\s*\)|\[at\]/gi, '@'],
  [/\bhxxp(s?)(?=:|\[)/gi, 'http$1'],
  [/\bfxp(?=:|\[)/gi, 'ftp'],
];

/** Undoes the usual defanging of indicators in a text (any text: a value or a report's prose). */
export function refang(text: string): string {
  let out = text;
  for (const [re, to] of DEFANG) out = out.replace(re, to);
  return out;
}

const HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const DOMAIN = /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}\.?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const IPV6 = /^[0-9a-f:]+(?:%\w+)?$/i;
const URL_HEAD = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is;

const domain = (d: string): string => d.toLowerCase().replace(/\.$/, '');

/** The canonical form of one indicator value (see the module comment). */
export function canonicalIndicator(value: string): string {
  const v = refang(value.replace(SPACE, ''));
  if (HASH.test(v)) return v.toLowerCase();
  if (DOMAIN.test(v)) return domain(v);
  const url = URL_HEAD.exec(v);
  if (url) {
    const [, scheme, host, rest] = url as unknown as [string, string, string, string];
    const at = host.lastIndexOf('@');
    const hostPart = at < 0 ? host : host.slice(at + 1);
    const port = /:\d+$/.exec(hostPart)?.[0] ?? '';
    const bare = hostPart.slice(0, hostPart.length - port.length);
    return `${scheme.toLowerCase()}${at < 0 ? '' : host.slice(0, at + 1)}${domain(bare)}${port}${rest}`;
  }
  if (EMAIL.test(v)) {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, at).toLowerCase()}@${domain(v.slice(at + 1))}`;
  }
  if (v.includes(':') && IPV6.test(v)) return v.toLowerCase();
  return v;
}

/** Whether the canonical form is compared without regard to case (so searched for in lower-cased text). */
function caseless(canonical: string): boolean {
  return canonical === canonical.toLowerCase();
}

const WORD = /[A-Za-z0-9_-]/;

/**
 * Whether `text` mentions the indicator whose canonical form is `canonical`: the text refanged (and
 * lower-cased where the indicator's kind ignores case) holds it as a whole token, not inside a longer
 * one (`10.0.0.1` is not in `10.0.0.12`, `evil.example` not in `evil.example.org`; a sentence's
 * final full stop is not part of the token).
 */
export function mentions(text: string, canonical: string): boolean {
  if (canonical.length === 0) return false;
  const hay = caseless(canonical) ? refang(text).toLowerCase() : refang(text);
  for (let i = hay.indexOf(canonical); i >= 0; i = hay.indexOf(canonical, i + 1)) {
    const before = i === 0 ? '' : (hay[i - 1] as string);
    const end = i + canonical.length;
    const after = hay[end] ?? '';
    const continues = WORD.test(after) || (after === '.' && WORD.test(hay[end + 1] ?? ''));
    if (!WORD.test(before) && !continues) return true;
  }
  return false;
}
