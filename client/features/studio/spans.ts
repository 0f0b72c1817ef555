/**
 * Where every sequence item of a block-style YAML text starts and ends, in one pass over its lines,
 * with the item's path (`['campaigns', 0, 'steps', 3]`). The panes pair these spans with the value
 * the engine's reader parsed to know which text belongs to which node, step or inject.
 *
 * Why not the `yaml` package's node ranges: building its Document for gulf-shield costs about
 * twenty times the engine's own fast reader (measured: 560-800 ms against 20-50 ms on this loaded
 * machine), more than the whole keystroke budget; this scan costs a fraction of the reader. The
 * `yaml` Document is still what the MSEL table edits (msel-edit.ts), where comments must survive.
 * Block scalars (`|`, `>`) are skipped whole, so Markdown lists in an inject's content are not items.
 */
export interface ItemSpan {
  path: (string | number)[];
  from: number;
  to: number;
}

interface Frame {
  col: number;
  seg: string | number;
  item: boolean;
  from: number;
}

const LINE = /^( *)((?:-(?: +|$))*)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#:{}[\],'"&*!|>%@`-][^:#]*?)\s*:(?:\s+(.*))?$/;
const BLOCK = /^[|>][-+0-9]*\s*(#.*)?$/;

/** Every sequence item's span, in text order. */
export function itemSpans(text: string): ItemSpan[] {
  const spans: ItemSpan[] = [];
  const frames: Frame[] = [];
  let lastEnd = 0;
  let blockCol = -1;
  let nextIndex = 0;
  const close = (frame: Frame): void => {
    if (frame.item) spans.push({ path: [...frames.map((f) => f.seg), frame.seg], from: frame.from, to: Math.max(frame.from, lastEnd) });
  };
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    const m = LINE.exec(line) as RegExpExecArray;
    const [, spaces = '', marks = '', content = ''] = m;
    const lead = spaces.length;
    const blank = content.trim() === '' && marks === '';
    if (blockCol >= 0 && (blank || lead > blockCol)) {
      if (!blank) lastEnd = end;
    } else if (!blank && !content.startsWith('#')) {
      blockCol = -1;
      nextIndex = 0;
      const hasDash = marks !== '';
      for (;;) {
        const top = frames[frames.length - 1];
        if (!top || top.col < lead) break;
        if (top.col === lead && !top.item && hasDash) break; // a sequence at its parent key's column
        frames.pop();
        close(top);
        nextIndex = top.item && top.col === lead && hasDash ? (top.seg as number) + 1 : 0;
      }
      for (let i = 0; i < marks.length; i++) {
        if (marks[i] !== '-') continue;
        frames.push({ col: lead + i, seg: nextIndex, item: true, from: start + lead + i });
        nextIndex = 0;
      }
      const k = KEY.exec(content);
      if (k) {
        const keyCol = lead + marks.length;
        const key = (k[1] as string).trim().replace(/^(["'])(.*)\1$/, '$2');
        frames.push({ col: keyCol, seg: key, item: false, from: start + keyCol });
        if (BLOCK.test((k[2] ?? '').trim())) blockCol = keyCol;
      }
      lastEnd = end;
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  while (frames.length > 0) close(frames.pop() as Frame);
  return spans.sort((a, b) => a.from - b.from);
}

/** `['campaigns', 0, 'steps', 3]` -> `campaigns.0.steps.3`, the key the model looks spans up by. */
export const spanKey = (path: readonly (string | number)[]): string => path.join('.');
