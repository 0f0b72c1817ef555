/** Handles and addresses kept whole and left to right inside any text. */
import { describe, expect, it } from 'vitest';
import { isolateTokens } from '../../client/lib/isolate.ts';

describe('isolating handles and addresses', () => {
  it('cuts out handles and IPv4 addresses (with a prefix length or a port), in Arabic text too', () => {
    expect(isolateTokens('منشور من @SwordOfTheSands عن 203.0.113.66')).toEqual(['منشور من ', { ltr: '@SwordOfTheSands' }, ' عن ', { ltr: '203.0.113.66' }]);
    expect(isolateTokens('block 10.20.1.0/24 and 198.51.100.7:8443.')).toEqual(['block ', { ltr: '10.20.1.0/24' }, ' and ', { ltr: '198.51.100.7:8443' }, '.']);
    expect(isolateTokens('@SwordOfTheSands')).toEqual([{ ltr: '@SwordOfTheSands' }]);
  });

  it('leaves e-mail addresses, versions and plain text alone, and loses nothing', () => {
    for (const text of ['mail soc@cert.example', 'version 1.2.3', 'Windows 10 22H2', 'no tokens here', '1.2.3.4.5']) {
      expect(isolateTokens(text)).toEqual([text]);
    }
    const text = 'a @b_c 1.1.1.1 d';
    expect(
      isolateTokens(text)
        .map((p) => (typeof p === 'string' ? p : p.ltr))
        .join(''),
    ).toBe(text);
  });
});
