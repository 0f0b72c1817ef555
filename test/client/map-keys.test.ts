/** The network map's keyboard contract (client/map/keys.ts), mirrored for right-to-left pages. */
import { describe, expect, it } from 'vitest';
import { mapKeyAction, ZOOM_STEP } from '../../client/map/keys.ts';

describe('map keys', () => {
  it('move the focus forward with the reading direction: right in English, left in Arabic', () => {
    expect(mapKeyAction('ArrowRight', false)).toEqual({ kind: 'move', by: 'item', sign: 1 });
    expect(mapKeyAction('ArrowLeft', false)).toEqual({ kind: 'move', by: 'item', sign: -1 });
    expect(mapKeyAction('ArrowRight', true)).toEqual({ kind: 'move', by: 'item', sign: -1 });
    expect(mapKeyAction('ArrowLeft', true)).toEqual({ kind: 'move', by: 'item', sign: 1 });
    expect(mapKeyAction('ArrowDown', true)).toEqual({ kind: 'move', by: 'row', sign: 1 });
    expect(mapKeyAction('ArrowUp', false)).toEqual({ kind: 'move', by: 'row', sign: -1 });
  });

  it('zoom in and out by the same step, fit on 0, select on Space and Enter, and leave other keys alone', () => {
    expect(mapKeyAction('+', false)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(mapKeyAction('=', false)).toEqual({ kind: 'zoom', factor: ZOOM_STEP });
    expect(mapKeyAction('-', true)).toEqual({ kind: 'zoom', factor: 1 / ZOOM_STEP });
    expect(mapKeyAction('0', false)).toEqual({ kind: 'fit' });
    expect(mapKeyAction(' ', false)).toEqual({ kind: 'select' });
    expect(mapKeyAction('Enter', true)).toEqual({ kind: 'select' });
    for (const key of ['Tab', 'a', 'Escape', 'Home']) expect(mapKeyAction(key, false)).toBeUndefined();
  });
});
