/**
 * The TLP re-share check compares indicators in their canonical form (engine/lib/indicator-form.ts)
 * and reads the report's free text: case, a trailing dot, surrounding whitespace and defanging no
 * longer pass an AMBER indicator on, nor does pasting it in the title or the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateHash, step, type ExerciseState } from '../../../engine/index.ts';
import { canonicalIndicator, mentions, refang } from '../../../engine/lib/indicator-form.ts';
import { advance, blue, HOUR, must, started } from '../fixtures.ts';

const DOT_FANGS = ['.', '[.]', '(.)', '{.}', '[dot]', '(dot)'];
const SPACES = ['', ' ', '  ', '\t', '\n', '\u200B'];

/** A value as an analyst may type it: random case (where the kind ignores it), dots defanged, whitespace around, a trailing dot. */
const typed = (value: string, caseless: boolean) =>
  fc
    .record({
      flips: fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }),
      dots: fc.array(fc.constantFrom(...DOT_FANGS), { minLength: value.length, maxLength: value.length }),
      before: fc.constantFrom(...SPACES),
      after: fc.constantFrom(...SPACES),
      trailing: fc.boolean(),
    })
    .map(({ flips, dots, before, after, trailing }) => {
      let out = '';
      for (let i = 0; i < value.length; i++) {
        const ch = value[i]!;
        out += ch === '.' ? dots[i]! : caseless && flips[i] ? ch.toUpperCase() : ch;
      }
      return `${before}${out}${trailing && !/^[0-9a-f]+$/i.test(value) && !value.includes('@') ? '.' : ''}${after}`;
    });

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const domainArb = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'example', 'net', 'ae')).map(([ls, tld]) => [...ls, tld].join('.'));
const hashArb = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('canonical indicators', () => {
  it('a domain typed in any case, defanged, with whitespace and a trailing dot is the same domain', () => {
    fc.assert(
      fc.property(
        domainArb.chain((d) => fc.tuple(fc.constant(d), typed(d, true))),
        ([d, t]) => {
          expect(canonicalIndicator(t)).toBe(d);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a hash in capitals is the same hash; an e-mail address defanged or in capitals the same address', () => {
    fc.assert(
      fc.property(
        hashArb.chain((h) => fc.tuple(fc.constant(h), typed(h, true))),
        ([h, t]) => {
          expect(canonicalIndicator(t)).toBe(h);
        },
      ),
      { numRuns: 200 },
    );
    for (const v of ['Ops@Evil.Example', 'ops[@]evil[.]example', 'ops(@)evil(.)example', ' ops[at]evil[dot]example. ', 'OPS@EVIL.EXAMPLE']) {
      expect(canonicalIndicator(v), v).toBe('ops@evil.example');
    }
  });

  it('a URL: scheme and host in any case and defanged, the path as written', () => {
    for (const v of ['hxxps://evil[.]example/Drop.php', 'HXXPS[://]EVIL[.]EXAMPLE/Drop.php', ' https://Evil.Example./Drop.php', 'hxxps[:]//evil(.)example/Drop.php']) {
      expect(canonicalIndicator(v), v).toBe('https://evil.example/Drop.php');
    }
    expect(canonicalIndicator('https://evil.example/drop.php')).not.toBe(canonicalIndicator('https://evil.example/Drop.php'));
    expect(canonicalIndicator('hxxp://203.0.113[.]7:8080/x')).toBe('http://203.0.113.7:8080/x');
  });

  it('addresses defanged; IPv6 in any case; a free string keeps its case', () => {
    expect(canonicalIndicator(' 203.0.113[.]7 ')).toBe('203.0.113.7');
    expect(canonicalIndicator('2001:DB8::1')).toBe('2001:db8::1');
    expect(canonicalIndicator('HKLM\\Software\\Run\\Updater')).toBe('HKLM\\Software\\Run\\Updater');
    expect(refang('see evil[.]example and hxxp://x(.)y')).toBe('see evil.example and http://x.y');
  });

  it('free text mentions a value as a whole token only', () => {
    expect(mentions('Beacon to EVIL[.]example. Block it.', 'evil.example')).toBe(true);
    expect(mentions('seen at 10.0.0.1, then 10.0.0.2', '10.0.0.1')).toBe(true);
    expect(mentions('seen at 10.0.0.12', '10.0.0.1')).toBe(false);
    expect(mentions('see notevil.example.org', 'evil.example')).toBe(false);
  });
});

/** KW shares the C2 domain with SA under `tlp`; SA then tries to pass it on to QA. */
function received(tlp: 'AMBER' | 'GREEN' | 'RED' = 'AMBER'): { s: ExerciseState; c2: string } {
  const s = started();
  advance(s, HOUR);
  const c2 = s.teams.kw!.alerts[0]!.indicators[0]!;
  must(s, { type: 'share-intel', actor: blue('kw'), partners: ['sa'], report: { title: 'C2 domain', text: 'Seen here', indicators: [c2], tlp } });
  return { s, c2 };
}
const pass = (s: ExerciseState, report: { title?: string; text?: string; indicators?: string[]; tlp?: 'CLEAR' | 'GREEN' | 'AMBER' }) =>
  step(s, { type: 'share-intel', actor: blue('sa'), partners: ['qa'], report: { title: 'fwd', text: 'fwd', indicators: [], tlp: 'GREEN', ...report } });

describe('the re-share check in canonical form', () => {
  it('refuses an AMBER indicator in every typed variant, in the indicators, the title or the text, and changes nothing', () => {
    const { s, c2 } = received('AMBER');
    expect(c2).toMatch(/\./);
    const before = stateHash(s);
    fc.assert(
      fc.property(typed(c2, true), fc.constantFrom('indicators', 'title', 'text', 'url'), (variant, where) => {
        const report = where === 'indicators' ? { indicators: [variant] } : where === 'url' ? { indicators: [`hxxps://${variant.trim()}/gate.php`] } : { [where]: `Please block ${variant} today` };
        const r = pass(s, report);
        expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        expect(r.ok ? '' : r.message).toContain('TLP:AMBER');
      }),
      { numRuns: 150 },
    );
    expect(stateHash(s)).toBe(before);
    expect(s.teams.sa!.sent).toEqual([]);
  });

  it('lets through a report that does not mention it, and a GREEN value shared as GREEN', () => {
    const amber = received('AMBER');
    expect(pass(amber.s, { title: 'Our own finding', text: `not ${amber.c2}x nor x${amber.c2}`, indicators: ['198.51.100.9'] })).toMatchObject({ ok: true });
    const green = received('GREEN');
    const upper = ` ${green.c2.toUpperCase()}. `;
    expect(pass(green.s, { indicators: [upper], tlp: 'CLEAR' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(pass(green.s, { text: `block ${upper}`, tlp: 'CLEAR' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(pass(green.s, { indicators: [upper], text: `block ${upper}`, tlp: 'GREEN' })).toMatchObject({ ok: true });
  });

  it('a value the team observed itself is its own to share, whatever case it was shared back in', () => {
    const { s, c2 } = received('RED');
    // kw observed c2 itself: it may share it, in any form, even after receiving it in capitals under RED.
    must(s, { type: 'share-intel', actor: blue('qa'), partners: ['kw'], report: { title: 'back', text: 'x', indicators: [c2.toUpperCase()], tlp: 'RED' } });
    expect(s.teams.kw!.ioc[c2.toUpperCase()]).toBe('RED');
    const r = step(s, { type: 'share-intel', actor: blue('kw'), partners: ['qa'], report: { title: 'ours', text: `C2 ${c2.replace(/\./g, '[.]')}`, indicators: [c2], tlp: 'CLEAR' } });
    expect(r.ok).toBe(true);
  });
});
