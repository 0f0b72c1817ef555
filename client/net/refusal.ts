/**
 * A refusal as the seat reads it: a sentence in the seat's language with the code after it. The
 * server's own sentence is English; refusals that carry a quota (`detail`, protocol/errors.ts) are
 * said from the seat's catalogue instead, with the limit written for people (sizes in KiB or MiB).
 */
import type { QuotaDetail } from '../../protocol/errors.ts';

const BYTE_QUOTAS = new Set(['text-bytes', 'exercise-text-bytes', 'log-bytes']);
const MIB = 1024 * 1024;

function limitText(detail: QuotaDetail): string {
  if (!BYTE_QUOTAS.has(detail.quota)) return String(detail.limit);
  return detail.limit >= MIB ? `${Math.round((detail.limit / MIB) * 10) / 10} MiB` : `${Math.ceil(detail.limit / 1024)} KiB`;
}

/** `CODE: message`, or for a quota `sentence (CODE)` in the seat's language (`t` is the seat's translator). */
export function refusalText(t: (key: string, params?: Record<string, string | number>) => string, reply: { code: string; message: string; detail?: QuotaDetail }): string {
  if (!reply.detail) return `${reply.code}: ${reply.message}`;
  const key = `refusal.${reply.detail.quota}`;
  const sentence = t(key, { limit: limitText(reply.detail) });
  return sentence === key ? `${reply.code}: ${reply.message}` : `${sentence} (${reply.code})`;
}
