/** The Markdown of scenario texts: what each construct reads as, and that nothing becomes HTML or a script link. */
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../client/lib/markdown.ts';

describe('scenario Markdown', () => {
  it('reads italics, bold, code and links inline; an unmatched marker stays text', () => {
    expect(parseInline('Call *now* and **within the hour**, see `ir-plan.pdf`')).toEqual([
      { k: 'text', text: 'Call ' },
      { k: 'em', children: [{ k: 'text', text: 'now' }] },
      { k: 'text', text: ' and ' },
      { k: 'strong', children: [{ k: 'text', text: 'within the hour' }] },
      { k: 'text', text: ', see ' },
      { k: 'code', text: 'ir-plan.pdf' },
    ]);
    expect(parseInline('_Urgent_: 2 * 3 = 6')).toEqual([
      { k: 'em', children: [{ k: 'text', text: 'Urgent' }] },
      { k: 'text', text: ': 2 * 3 = 6' },
    ]);
    // Underscores inside identifiers are not italics.
    expect(parseInline('the file snake_case_name.txt')).toEqual([{ k: 'text', text: 'the file snake_case_name.txt' }]);
    expect(parseInline('**bold with *italics* inside**')).toEqual([
      {
        k: 'strong',
        children: [
          { k: 'text', text: 'bold with ' },
          { k: 'em', children: [{ k: 'text', text: 'italics' }] },
          { k: 'text', text: ' inside' },
        ],
      },
    ]);
  });

  it("keeps a link's address only for http(s) and mailto: a javascript: link is its text", () => {
    expect(parseInline('[advisory](https://cert.example/a1)')).toEqual([{ k: 'link', href: 'https://cert.example/a1', children: [{ k: 'text', text: 'advisory' }] }]);
    expect(parseInline('[click](javascript:alert(1))')[0]).toMatchObject({ k: 'link', href: null });
  });

  it('never turns HTML into anything but text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> *hi*')).toEqual([
      {
        k: 'p',
        lines: [
          [
            { k: 'text', text: '<img src=x onerror=alert(1)> ' },
            { k: 'em', children: [{ k: 'text', text: 'hi' }] },
          ],
        ],
      },
    ]);
  });

  it('reads paragraphs, headings, bullet and numbered lists, quotes; Arabic text as it is', () => {
    const blocks = parseMarkdown('## Situation\n\n- one\n- *two*\n\n1. first\n2. second\n\n> quoted\n> on\n\nالفقرة *المهمة*\nsecond line');
    expect(blocks.map((b) => b.k)).toEqual(['h', 'ul', 'ol', 'quote', 'p']);
    expect(blocks[0]).toEqual({ k: 'h', level: 2, spans: [{ k: 'text', text: 'Situation' }] });
    expect(blocks[2]).toMatchObject({ k: 'ol', items: [[{ k: 'text', text: 'first' }], [{ k: 'text', text: 'second' }]] });
    expect(blocks[3]).toEqual({ k: 'quote', spans: [{ k: 'text', text: 'quoted on' }] });
    expect(blocks[4]).toEqual({
      k: 'p',
      lines: [
        [
          { k: 'text', text: 'الفقرة ' },
          { k: 'em', children: [{ k: 'text', text: 'المهمة' }] },
        ],
        [{ k: 'text', text: 'second line' }],
      ],
    });
  });
});
