/** The live feed's line for an event: names, not ids, in the seat's language. */
import { describe, expect, it } from 'vitest';
import { actorName, describeEvent, feedNames, NO_NAMES } from '../../client/features/feed/describe.ts';
import type { SeatEvent } from '../../protocol/index.ts';
import type { View } from '../../engine/types.ts';

const event = (data: unknown, actor = 'engine'): SeatEvent => ({ seq: 1, t: 0, type: 'inject.acknowledged', actor, data }) as SeatEvent;

/** Enough of a white cell's view for its names. */
const white = {
  kind: 'white',
  teams: [
    { id: 'xz', name: { en: 'Zaytuniya CERT', ar: 'فريق الزيتونية' }, nation: 'XZ', role: 'blue' },
    { id: 'xq', name: '', nation: 'XQ', role: 'blue' },
  ],
  msel: [{ inject: 'i02-startex-ack', title: { en: 'STARTEX: confirm your crisis cell', ar: 'بدء التمرين: أكّدوا خلية الأزمة' } }],
  red: [{ steps: [{ id: 'xz-phish', name: 'Spear-phishing' }] }],
  nodes: [{ id: 'xz-dmz-web01', name: 'Public web portal' }],
} as unknown as View;

describe('the feed speaks names', () => {
  it('says teams, injects, nodes and steps by name, other fields as key=value', () => {
    const names = feedNames(white, 'en');
    expect(describeEvent(event({ team: 'xz', inject: 'i02-startex-ack', status: 'acknowledged' }), names)).toBe('Zaytuniya CERT · STARTEX: confirm your crisis cell · status=acknowledged');
    expect(describeEvent(event({ node: 'xz-dmz-web01', step: 'xz-phish', to: 'xq' }), names)).toBe('Public web portal · Spear-phishing · → XQ');
    expect(actorName('blue:xz', names)).toBe('Zaytuniya CERT');
  });

  it("in the seat's language", () => {
    const names = feedNames(white, 'ar');
    expect(describeEvent(event({ team: 'xz', inject: 'i02-startex-ack' }), names)).toBe('فريق الزيتونية · بدء التمرين: أكّدوا خلية الأزمة');
  });

  it('says an id it cannot name as it is, and reads no inherited field', () => {
    expect(describeEvent(event({ team: 'zz', inject: 'i99' }), NO_NAMES)).toBe('zz · i99');
    expect(describeEvent(event(Object.create({ team: 'xz' })), feedNames(white, 'en'))).toBe('');
  });
});
