/**
 * A refusal as the seat reads it: one sentence in the seat's language, chosen by the refusal's code
 * (`refusal.code.<CODE>` in the catalogues), or for a quota (`detail`, protocol/errors.ts) the quota's
 * sentence with the limit written for people (sizes in KiB or MiB). The code and the server's own
 * (English) message are the detail, shown on demand (RefusalMessage).
 */
import type { QuotaDetail } from '../../protocol/errors.ts';

const BYTE_QUOTAS = new Set(['text-bytes', 'exercise-text-bytes', 'log-bytes']);
const MIB = 1024 * 1024;

type Translate = (key: string, params?: Record<string, string | number>) => string;
export interface RefusalLike {
  code: string;
  message: string;
  detail?: QuotaDetail;
}

function limitText(detail: QuotaDetail): string {
  if (!BYTE_QUOTAS.has(detail.quota)) return String(detail.limit);
  return detail.limit >= MIB ? `${Math.round((detail.limit / MIB) * 10) / 10} MiB` : `${Math.ceil(detail.limit / 1024)} KiB`;
}

/** The sentence for the seat (`t` is the seat's translator) and the detail (`CODE: server message`). */
export function refusalParts(t: Translate, reply: RefusalLike): { sentence: string; detail: string } {
  const detail = `${reply.code}: ${reply.message}`;
  if (reply.detail) {
    const key = `refusal.${reply.detail.quota}`;
    const sentence = t(key, { limit: limitText(reply.detail) });
    if (sentence !== key) return { sentence, detail };
  }
  const key = `refusal.code.${reply.code}`;
  const sentence = t(key);
  return { sentence: sentence === key ? t('refusal.code.other') : sentence, detail };
}

/** Sentence and detail on one line, for places that take plain text (a title, a log). */
export function refusalText(t: Translate, reply: RefusalLike): string {
  const { sentence } = refusalParts(t, reply);
  return `${sentence} (${reply.code})`;
}
