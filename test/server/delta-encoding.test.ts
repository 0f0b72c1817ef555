import { Encoder } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import type { DeltaMessage } from '../../protocol/index.ts';
import { deltaJson } from '../../server/authority/delta-json.ts';
import { deltaPacketText, joinBroadcastFrames, reuseDeltaText } from '../../server/realtime/delta-encoding.ts';

const delta = (): DeltaMessage => ({
  fromSeq: 4,
  toSeq: 5,
  events: [{ seq: 9, t: 60_000, type: 'sitrep.filed', data: { text: 'ünïcode "quoted" \u2028', severity: 'low' } }] as unknown as DeltaMessage['events'],
  patch: { a: [1, 2] } as unknown as DeltaMessage['patch'],
});

describe("the delta encoder (Socket.IO's, reusing the broadcaster's text)", () => {
  it("writes the same packet as Socket.IO's own encoder", () => {
    const d = delta();
    const packet = { type: 2, nsp: '/', data: ['delta', d] };
    const expected = new Encoder().encode(packet);
    expect(deltaPacketText(packet)).toBeUndefined(); // no text made yet: Socket.IO encodes it
    deltaJson(d);
    expect([deltaPacketText(packet)]).toEqual(expected);

    const server = { encoder: new Encoder() };
    reuseDeltaText(server);
    expect(server.encoder.encode(packet)).toEqual(expected);
  });

  it('leaves other packets to Socket.IO', () => {
    const d = delta();
    deltaJson(d);
    const server = { encoder: new Encoder() };
    reuseDeltaText(server);
    for (const packet of [
      { type: 2, nsp: '/', data: ['notice', d] },
      { type: 2, nsp: '/', id: 3, data: ['delta', d] },
      { type: 2, nsp: '/other', data: ['delta', d] },
      { type: 3, nsp: '/', id: 1, data: [d] },
      { type: 2, nsp: '/', data: ['delta', d, 1] },
    ]) {
      expect(deltaPacketText(packet)).toBeUndefined();
      expect(server.encoder.encode(packet)).toEqual(new Encoder().encode(packet));
    }
  });
});

describe("a broadcast's WebSocket frame", () => {
  it('is joined into one buffer of the same bytes, once per broadcast', () => {
    const header = Buffer.from([0x81, 5]);
    const payload = Buffer.from('42[1]');
    const adapter = {
      _encode(_packet: unknown, opts: { wsPreEncodedFrame?: unknown }) {
        opts.wsPreEncodedFrame = [header, payload];
        return ['2[1]'];
      },
    };
    joinBroadcastFrames(adapter);
    const opts: { wsPreEncodedFrame?: unknown } = {};
    expect(adapter._encode({}, opts)).toEqual(['2[1]']);
    expect(opts.wsPreEncodedFrame).toEqual([Buffer.concat([header, payload])]);
  });

  it('leaves a frame it does not know as it is', () => {
    const adapter = {
      _encode(_packet: unknown, opts: { wsPreEncodedFrame?: unknown }) {
        opts.wsPreEncodedFrame = ['text', Buffer.from('x')];
        return [];
      },
    };
    joinBroadcastFrames(adapter);
    const opts: { wsPreEncodedFrame?: unknown } = {};
    adapter._encode({}, opts);
    expect(opts.wsPreEncodedFrame).toEqual(['text', Buffer.from('x')]);
    joinBroadcastFrames({});
  });
});
