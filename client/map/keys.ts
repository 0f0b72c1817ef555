/**
 * What a key does on the network map's canvas: arrows move the keyboard focus (along a row, or a
 * segment's row of nodes up and down; mirrored right to left), + and - zoom around the focus, 0 fits
 * the map, Space and Enter select the focused node. Pure, so the map's keyboard contract is tested
 * without a canvas.
 */
export type MapKeyAction = { kind: 'move'; by: 'item' | 'row'; sign: 1 | -1 } | { kind: 'zoom'; factor: number } | { kind: 'fit' } | { kind: 'select' };

/** Zoom step of the + and - keys and buttons. */
export const ZOOM_STEP = 1.4;

export function mapKeyAction(key: string, rtl: boolean): MapKeyAction | undefined {
  const forward = rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return { kind: 'move', by: 'item', sign: forward };
    case 'ArrowLeft':
      return { kind: 'move', by: 'item', sign: rtl ? 1 : -1 };
    case 'ArrowDown':
      return { kind: 'move', by: 'row', sign: 1 };
    case 'ArrowUp':
      return { kind: 'move', by: 'row', sign: -1 };
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'fit' };
    case ' ':
    case 'Enter':
      return { kind: 'select' };
    default:
      return undefined;
  }
}
