/**
 * Indicator values of realistic shape (hashes, public-looking IPv4, domains, URLs, ...), generated
 * deterministically: campaign indicators from sha256(seed, campaign, id), noise (false-positive)
 * indicators from the noise stream. Values never depend on anything else, so they are stable per seed.
 */
import type { IndicatorKindT } from '../scenario/schema/index.ts';
import { sha256Bytes } from '../lib/hash.ts';

/** A source of bytes 0..255. */
export type ByteSource = () => number;

const HEX = '0123456789abcdef';
const OCTET1 = [5, 23, 31, 37, 45, 46, 62, 77, 78, 80, 81, 82, 85, 87, 89, 91, 93, 94, 95, 103, 104, 109, 139, 141, 146, 151, 154, 159, 176, 178, 185, 188, 193, 194, 195, 198, 203, 212, 213, 217];
const SYL = ['ka', 'lo', 'mi', 'net', 'sec', 'tra', 'vo', 'zen', 'cor', 'dat', 'fin', 'gal', 'hub', 'lex', 'nor', 'pix', 'qua', 'ron', 'sol', 'tek', 'umi', 'ver', 'wex', 'yal'];
const TLD = ['com', 'net', 'org', 'info', 'io', 'biz', 'xyz', 'top', 'online', 'cc'];
const WORDS = ['update', 'svc', 'office', 'sync', 'helper', 'agent', 'report', 'invoice', 'setup', 'driver', 'cache', 'task', 'host', 'runtime'];
const EXT = ['exe', 'dll', 'ps1', 'vbs', 'js', 'bat', 'scr', 'docm', 'xlsm', 'lnk'];
const FIRST = ['ahmed', 'sara', 'omar', 'lina', 'john', 'maria', 'ivan', 'noor', 'yusuf', 'elena', 'tariq', 'hana'];
const LAST = ['alsabah', 'haddad', 'smith', 'rahman', 'kovac', 'nasser', 'weber', 'saleh', 'costa', 'mansour'];

const hex = (b: ByteSource, bytes: number): string => {
  let s = '';
  for (let i = 0; i < bytes; i++) {
    const x = b();
    s += (HEX[x >> 4] as string) + (HEX[x & 15] as string);
  }
  return s;
};
const pick = <T>(b: ByteSource, list: readonly T[]): T => list[(b() * 256 + b()) % list.length] as T;
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function domain(b: ByteSource): string {
  const n = 2 + (b() % 2);
  let name = '';
  for (let i = 0; i < n; i++) name += pick(b, SYL);
  if (b() % 3 === 0) name += `-${pick(b, WORDS)}`;
  return `${name}.${pick(b, TLD)}`;
}

/** An indicator value of the given kind from a byte source. */
export function indicatorValue(kind: IndicatorKindT, b: ByteSource): string {
  switch (kind) {
    case 'sha256':
      return hex(b, 32);
    case 'md5':
      return hex(b, 16);
    case 'ipv4':
      return `${pick(b, OCTET1)}.${b()}.${b()}.${1 + (b() % 254)}`;
    case 'domain':
      return domain(b);
    case 'url':
      return `https://${domain(b)}/${pick(b, WORDS)}/${hex(b, 4)}.${pick(b, ['php', 'aspx', 'js', 'bin', 'html'])}`;
    case 'email':
      return `${pick(b, FIRST)}.${pick(b, LAST)}@${domain(b)}`;
    case 'filename':
      return `${pick(b, WORDS)}${pick(b, WORDS)}${b() % 100}.${pick(b, EXT)}`;
    case 'registry-key':
      return `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\${cap(pick(b, WORDS))}${cap(pick(b, WORDS))}`;
    case 'mutex':
      return `Global\\${hex(b, 4)}-${hex(b, 2)}-${hex(b, 2)}`;
    case 'user-agent':
      return `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + (b() % 30)}.0.${4000 + b() * 8}.${b()} Safari/537.36`;
  }
}

/** A byte source reading sha256 blocks of a label (re-hashed with a counter when exhausted). */
export function hashBytes(label: string): ByteSource {
  let block = sha256Bytes(label);
  let i = 0;
  let round = 0;
  return () => {
    if (i >= block.length) {
      block = sha256Bytes(`${label}#${++round}`);
      i = 0;
    }
    return block[i++] as number;
  };
}

/** Values for every campaign indicator of a scenario: fixed values kept, the rest generated from the seed. */
export function campaignIndicatorValues(seed: number, indicators: readonly { id: string; kind: IndicatorKindT; campaign: string; value?: string }[]): string[] {
  const used = new Set<string>(indicators.flatMap((x) => (x.value === undefined ? [] : [x.value])));
  return indicators.map((x) => {
    if (x.value !== undefined) return x.value;
    for (let salt = 0; ; salt++) {
      const v = indicatorValue(x.kind, hashBytes(`ramparts-ioc:${seed}:${x.campaign}:${x.id}:${salt}`));
      if (!used.has(v)) {
        used.add(v);
        return v;
      }
    }
  });
}
