/**
 * The Markdown of scenario texts (inject content, situations, questions) read into a small tree:
 * paragraphs, headings, bullet and numbered lists, quotes; inline bold, italics, code and links.
 * Pure and total: any text gives a tree, nothing in it is HTML (the renderer makes React elements,
 * which escape text), and a link keeps its address only when it is http(s) or mailto.
 */

export type Span = { k: 'text'; text: string } | { k: 'strong' | 'em'; children: Span[] } | { k: 'code'; text: string } | { k: 'link'; href: string | null; children: Span[] };

export type Block = { k: 'p'; lines: Span[][] } | { k: 'h'; level: 1 | 2 | 3; spans: Span[] } | { k: 'ul' | 'ol'; items: Span[][] } | { k: 'quote'; spans: Span[] };

/** Bold, italics, code and links, in that order of precedence; an unmatched marker is text. */
const INLINE = /(`[^`\n]+`)|(\*\*(?:[^*\n]|\*(?!\*))+?\*\*|__[^_\n]+?__)|(\*[^*\s][^*\n]*?\*|(?<![\p{L}\p{N}])_[^_\s][^_\n]*?_(?![\p{L}\p{N}]))|(\[[^\]\n]+\]\([^)\s]+\))/gu;

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export function parseInline(text: string): Span[] {
  const out: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ k: 'text', text: text.slice(last, at) });
    const whole = m[0];
    if (m[1]) out.push({ k: 'code', text: whole.slice(1, -1) });
    else if (m[2]) out.push({ k: 'strong', children: parseInline(whole.slice(2, -2)) });
    else if (m[3]) out.push({ k: 'em', children: parseInline(whole.slice(1, -1)) });
    else {
      const split = whole.indexOf('](');
      const href = whole.slice(split + 2, -1);
      out.push({ k: 'link', href: SAFE_HREF.test(href) ? href : null, children: parseInline(whole.slice(1, split)) });
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push({ k: 'text', text: text.slice(last) });
  return out;
}

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => BULLET.test(l))) blocks.push({ k: 'ul', items: lines.map((l) => parseInline(l.replace(BULLET, ''))) });
    else if (lines.every((l) => NUMBERED.test(l))) blocks.push({ k: 'ol', items: lines.map((l) => parseInline(l.replace(NUMBERED, ''))) });
    else if (lines.every((l) => l.startsWith('>'))) blocks.push({ k: 'quote', spans: parseInline(lines.map((l) => l.replace(/^>\s?/, '')).join(' ')) });
    else {
      const heading = lines.length === 1 ? /^(#{1,3})\s+(.*)$/.exec(lines[0] as string) : null;
      if (heading) blocks.push({ k: 'h', level: (heading[1] as string).length as 1 | 2 | 3, spans: parseInline(heading[2] ?? '') });
      else blocks.push({ k: 'p', lines: lines.map(parseInline) });
    }
  }
  return blocks;
}
