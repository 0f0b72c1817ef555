/**
 * TAXII 2.1 media types and content negotiation (TAXII 2.1, section 1.6.8: "Content Negotiation";
 * section 1.6.8.1: media types). Responses are `application/taxii+json;version=2.1`; a request whose
 * Accept header admits no TAXII 2.1 JSON gets 406, a request body of another type 415.
 */
export const TAXII_MEDIA = 'application/taxii+json;version=2.1';
export const STIX_MEDIA = 'application/stix+json;version=2.1';

interface MediaRange {
  type: string;
  subtype: string;
  params: Map<string, string>;
  q: number;
}

function parseRanges(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [range = '', ...rest] = part.split(';').map((x) => x.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const params = new Map<string, string>();
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0)
          params.set(
            p.slice(0, eq).trim().toLowerCase(),
            p
              .slice(eq + 1)
              .trim()
              .replace(/^"|"$/g, ''),
          );
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      return { type, subtype, params, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((r) => r.type !== '' && r.subtype !== '');
}

/**
 * Whether an Accept header admits TAXII 2.1 JSON: `application/taxii+json` with version 2.1 or no
 * version (the latest, section 1.6.8.1), or a wildcard (`application/*`, `*\/*`), with q above 0.
 * No Accept header at all admits anything (RFC 9110, 12.5.1).
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return parseRanges(accept).some(
    (r) =>
      r.q > 0 &&
      ((r.type === '*' && r.subtype === '*') ||
        (r.type === 'application' && r.subtype === '*') ||
        (r.type === 'application' && r.subtype === 'taxii+json' && (r.params.get('version') ?? '2.1') === '2.1')),
  );
}

/** Whether a request body's Content-Type is TAXII 2.1 JSON (the only type this server's endpoints take). */
export function isTaxiiContent(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [r] = parseRanges(contentType);
  return r !== undefined && r.type === 'application' && r.subtype === 'taxii+json' && (r.params.get('version') ?? '2.1') === '2.1';
}
