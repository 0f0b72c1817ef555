/**
 * The studio's YAML editor: CodeMirror 6 with YAML highlighting, completion and hover documentation
 * from the scenario's JSON Schema (complete.ts), and the engine validator's errors and warnings as
 * underlines (lint diagnostics) from the checking worker. The page drives it through a handle: move
 * the cursor to an item, replace the text (table edits), read the text.
 */
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { autocompletion, closeBrackets, completionKeymap, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, linter, lintGutter, lintKeymap } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { TextDiagnostic } from '../../../engine/types.ts';
import schemaJson from '../../../schema/scenario.schema.json';
import type { CheckResult } from './checker.ts';
import { completeAt, type CompletionOption, type DeclaredIds, hoverAt } from './complete.ts';
import type { JsonSchema } from './schema-walk.ts';

const schema = schemaJson as JsonSchema;

const THEME = EditorView.theme({
  '&': { height: '100%', backgroundColor: '#fbfcfd', color: '#111820' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '13px' },
  '.cm-tooltip': { maxWidth: '440px' },
  '.studio-hover': { padding: '6px 8px', whiteSpace: 'pre-wrap' },
  '.studio-hover p': { margin: '4px 0 0' },
});

export interface EditorHandle {
  text(): string;
  /** Moves the cursor to `offset`, scrolls it into view and focuses the editor. */
  moveTo(offset: number): void;
  /** Replaces the whole text with `next`, as one undoable change of the part that differs. */
  replace(next: string): void;
}

export interface EditorProps {
  initial: string;
  check: (text: string) => Promise<CheckResult>;
  /** Ids the document declares (completion of references); read at each completion. */
  ids: () => DeclaredIds;
  onChange: (text: string) => void;
  onCursor: (offset: number) => void;
  /** After each check: its diagnostics and how long from the last change they took to show (ms). */
  onChecked?: (result: CheckResult, latencyMs: number) => void;
  label: string;
  handle: Ref<EditorHandle>;
}

/** A validator diagnostic as an underline: from its line and column to the end of the token there. */
export function toUnderline(doc: EditorState['doc'], d: TextDiagnostic): Diagnostic {
  const lineNo = Math.min(Math.max(1, d.line), doc.lines);
  const line = doc.line(lineNo);
  const from = Math.min(line.to, line.from + Math.max(0, d.col - 1));
  const rest = line.text.slice(from - line.from);
  const token = /^[^\s,:{}[\]]+/.exec(rest)?.[0].length ?? 0;
  const to = token > 0 ? from + token : Math.max(line.to, from);
  return { from, to, severity: d.severity, message: d.path === '(root)' ? d.message : `${d.path}: ${d.message}`, source: 'ramparts validate' };
}

export function Editor({ initial, check, ids, onChange, onCursor, onChecked, label, handle }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const props = useRef({ check, ids, onChange, onCursor, onChecked });
  props.current = { check, ids, onChange, onCursor, onChecked };
  const lastChange = useRef(performance.now());

  useImperativeHandle(
    handle,
    () => ({
      text: () => view.current?.state.doc.toString() ?? '',
      moveTo: (offset) => {
        const v = view.current;
        if (!v) return;
        const pos = Math.min(offset, v.state.doc.length);
        v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
        v.focus();
      },
      replace: (next) => {
        const v = view.current;
        if (!v) return;
        const prev = v.state.doc.toString();
        let start = 0;
        while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
        let endPrev = prev.length;
        let endNext = next.length;
        while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
          endPrev--;
          endNext--;
        }
        v.dispatch({ changes: { from: start, to: endPrev, insert: next.slice(start, endNext) } });
      },
    }),
    [],
  );

  // The editor is made once; the text it starts with is `initial` at mount (the page remounts it for another file).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!host.current) return;
    const complete = (ctx: CompletionContext) => {
      const r = completeAt(schema, ctx.state.doc.toString(), ctx.pos, props.current.ids());
      return r ? { from: r.from, options: r.options.map(option), validFor: /^[\w$.+-]*$/ } : null;
    };
    const hover = hoverTooltip((v, pos) => {
      const h = hoverAt(schema, v.state.doc.toString(), pos);
      if (!h) return null;
      return {
        pos: h.from,
        end: h.to,
        above: true,
        create: () => {
          const dom = document.createElement('div');
          dom.className = 'studio-hover';
          const head = document.createElement('code');
          head.textContent = h.path;
          const body = document.createElement('p');
          body.textContent = h.text;
          dom.append(head, body);
          return { dom };
        },
      };
    });
    const lint = linter(
      async (v) => {
        const text = v.state.doc.toString();
        const result = await props.current.check(text);
        if (result.text !== text) return [];
        props.current.onChecked?.(result, performance.now() - lastChange.current);
        return [...result.errors, ...result.warnings].map((d) => toUnderline(v.state.doc, d));
      },
      { delay: 25 },
    );
    const state = EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        autocompletion({ override: [complete], activateOnTyping: true, icons: false, interactionDelay: 0 }),
        hover,
        lint,
        lintGutter(),
        keymap.of([...completionKeymap, ...lintKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        THEME,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) {
            lastChange.current = performance.now();
            props.current.onChange(u.state.doc.toString());
          }
          if (u.docChanged || u.selectionSet) props.current.onCursor(u.state.selection.main.head);
        }),
      ],
    });
    // In a shadow root: CodeMirror's styles then go to its adopted style sheets, which the server's
    // content security policy (style-src 'self') allows, where a <style> element in the page is refused.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    inner.style.height = '100%';
    shadow.replaceChildren(inner);
    const v = new EditorView({ state, parent: inner, root: shadow });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  return <div className="studio-editor" ref={host} data-testid="studio-editor" />;
}

function option(o: CompletionOption) {
  return { label: o.label, apply: o.apply, type: o.type, ...(o.detail ? { detail: o.detail } : {}), ...(o.info ? { info: o.info } : {}), boost: o.boost ?? 0 };
}
