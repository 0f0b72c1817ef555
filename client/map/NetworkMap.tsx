/**
 * The network map: a canvas drawn by draw.ts over the pure layout, zoomed and panned with d3-zoom,
 * nodes picked with the mouse (click, shift-click adds) or the keyboard (arrows move a cursor,
 * Space selects, + and - zoom, 0 fits). The node list next to it is the full accessible
 * alternative; this component only owns its canvas.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useLang, useDirection, useT } from '../i18n/react.tsx';
import { localText } from '../../engine/constants.ts';
import { drawMap, type Transform } from './draw.ts';
import { nodeAt, segmentAt } from './hit.ts';
import { mapKeyAction, ZOOM_STEP } from './keys.ts';
import { layoutNetwork, type MapLayout } from './layout.ts';
import { structureKey, type MapModel, type NodeLook } from './model.ts';
import type { NodeKindT } from '../../engine/types.ts';

export interface NetworkMapProps {
  model: MapModel;
  /** Look per node id. */
  looks: ReadonlyMap<string, NodeLook>;
  selected: ReadonlySet<string>;
  onSelect?: (id: string, additive: boolean) => void;
  label: string;
  /** A node to centre and highlight (picked in the node list); `n` changes on every pick. */
  centre?: { id: string; n: number } | null;
}

function fit(layout: MapLayout, width: number, height: number): Transform {
  if (layout.width === 0 || layout.height === 0 || width === 0 || height === 0) return { x: 0, y: 0, k: 1 };
  const k = Math.min(2, Math.max(0.05, Math.min(width / (layout.width + 20), height / (layout.height + 20))));
  return { x: (width - layout.width * k) / 2, y: (height - layout.height * k) / 2, k };
}

export function NetworkMap({ model, looks, selected, onSelect, label, centre }: NetworkMapProps) {
  const t = useT();
  const lang = useLang();
  const rtl = useDirection() === 'rtl';
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const transform = useRef<Transform>({ x: 0, y: 0, k: 1 });
  const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const frame = useRef(0);
  const fitted = useRef<string>('');
  /** Whether the user zoomed or panned: until then the map re-fits whenever its box changes size (a phone turned, a window resized). */
  const userMoved = useRef(false);
  const [focused, setFocused] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; segment: boolean; x: number; y: number } | null>(null);

  const key = structureKey(model);
  // Laid out again only when the structure changes: `key` stands for it, deliberately not `model` itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const layout = useMemo(() => layoutNetwork(model, { rtl, teamOrder: model.teams.map((t) => t.id) }), [key, rtl]);
  const byId = useMemo(() => new Map(model.nodes.map((n) => [n.id, n])), [model.nodes]);
  const teamNames = useMemo(() => new Map(model.teams.map((tm) => [tm.id, tm])), [model.teams]);
  const segmentNames = useMemo(() => new Map(model.segments.map((s) => [s.id, s])), [model.segments]);

  // Everything draw() needs, read through a ref so the redraw scheduled by zoom sees the latest.
  const latest = useRef({ layout, byId, looks, selected, focused, teamNames, segmentNames, lang, rtl });
  latest.current = { layout, byId, looks, selected, focused, teamNames, segmentNames, lang, rtl };

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const L = latest.current;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const n = L.layout.nodeIds.length;
    const kinds: NodeKindT[] = new Array(n);
    const criticality: number[] = new Array(n);
    const lk: (NodeLook | undefined)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const id = L.layout.nodeIds[i] as string;
      const node = L.byId.get(id);
      kinds[i] = node?.kind ?? 'server';
      criticality[i] = node?.criticality ?? 3;
      lk[i] = L.looks.get(id);
    }
    drawMap(ctx, {
      layout: L.layout,
      kinds,
      criticality,
      looks: lk,
      selected: L.selected,
      focused: L.focused,
      transform: transform.current,
      width: size.current.width,
      height: size.current.height,
      rtl: L.rtl,
      teamLabel: (id) => localText(L.teamNames.get(id)?.name, L.lang) || id,
      teamColor: (id) => L.teamNames.get(id)?.color,
      segmentLabel: (id) => localText(L.segmentNames.get(id)?.name, L.lang) || id,
      nodeLabel: (id) => {
        const name = localText(L.byId.get(id)?.name, L.lang);
        return name ? { text: name, isId: false } : { text: id, isId: true };
      },
    });
  }, []);
  const requestDraw = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  // Redraw whenever anything drawn changes (the draw reads them through a ref, so they are named here).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the listed values are what the canvas shows
  useEffect(requestDraw, [layout, looks, selected, focused, lang, requestDraw]);

  const applyTransform = useCallback((next: Transform) => {
    const canvas = canvasRef.current;
    if (canvas && zoomRef.current) select(canvas).call(zoomRef.current.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
  }, []);

  // Canvas size follows its box; fit the map the first time a layout appears.
  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap) return;
    const observer = new ResizeObserver(() => {
      const rect = wrap.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size.current = { width: rect.width, height: rect.height };
      canvas.width = Math.max(1, Math.round(rect.width * dpr));
      canvas.height = Math.max(1, Math.round(rect.height * dpr));
      if ((fitted.current !== key || !userMoved.current) && rect.width > 0) {
        fitted.current = key;
        applyTransform(fit(latest.current.layout, rect.width, rect.height));
      }
      requestDraw();
    });
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [key, applyTransform, requestDraw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const behavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 8])
      .on('zoom', (event: { transform: Transform; sourceEvent: unknown }) => {
        if (event.sourceEvent) userMoved.current = true;
        transform.current = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
        requestDraw();
      });
    zoomRef.current = behavior;
    select(canvas).call(behavior).on('dblclick.zoom', null);
    return () => {
      select(canvas).on('.zoom', null);
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [requestDraw]);

  // A node picked in the list: focused (drawn highlighted) and brought to the middle of the map.
  useEffect(() => {
    if (!centre) return;
    const i = layout.index.get(centre.id);
    const canvas = canvasRef.current;
    if (i === undefined || !canvas || !zoomRef.current) return;
    setFocused(centre.id);
    select(canvas).call(zoomRef.current.translateTo, layout.x[i] as number, layout.y[i] as number);
  }, [centre, layout]);

  const toWorld = (clientX: number, clientY: number) => {
    const rect = (canvasRef.current as HTMLCanvasElement).getBoundingClientRect();
    const tf = transform.current;
    return { x: (clientX - rect.left - tf.x) / tf.k, y: (clientY - rect.top - tf.y) / tf.k, sx: clientX - rect.left, sy: clientY - rect.top };
  };

  const onClick = (e: React.MouseEvent) => {
    const p = toWorld(e.clientX, e.clientY);
    const id = nodeAt(layout, p.x, p.y);
    if (id && onSelect) {
      setFocused(id);
      onSelect(id, e.shiftKey || e.ctrlKey || e.metaKey);
    }
  };
  const onMove = (e: React.MouseEvent) => {
    const p = toWorld(e.clientX, e.clientY);
    const id = nodeAt(layout, p.x, p.y);
    if (id) return setHover({ id, segment: false, x: p.sx, y: p.sy });
    const segment = segmentAt(layout, p.x, p.y);
    setHover(segment ? { id: segment, segment: true, x: p.sx, y: p.sy } : null);
  };

  /** Pans so that a node is in view (keyboard focus must never move off screen). */
  const reveal = (index: number) => {
    const canvas = canvasRef.current;
    const tf = transform.current;
    const { width, height } = size.current;
    const sx = tf.x + (layout.x[index] as number) * tf.k;
    const sy = tf.y + (layout.y[index] as number) * tf.k;
    const margin = 30;
    if (canvas && zoomRef.current && (sx < margin || sy < margin || sx > width - margin || sy > height - margin)) {
      select(canvas).call(zoomRef.current.translateTo, layout.x[index] as number, layout.y[index] as number);
    }
  };
  const moveFocus = (delta: number) => {
    const n = layout.nodeIds.length;
    if (n === 0) return;
    const current = focused ? (layout.index.get(focused) ?? -1) : -1;
    const next = Math.min(n - 1, Math.max(0, current + delta));
    setFocused(layout.nodeIds[next] ?? null);
    reveal(next);
  };
  const rowDelta = () => {
    const box = focused ? layout.segments.find((s) => s.nodeIds.includes(focused)) : undefined;
    return box?.cols ?? 1;
  };
  /** Zooms around the keyboard focus when there is one, else around the centre. */
  const zoomBy = (factor: number) => {
    const canvas = canvasRef.current;
    if (!canvas || !zoomRef.current) return;
    const i = focused ? layout.index.get(focused) : undefined;
    if (i === undefined) {
      select(canvas).call(zoomRef.current.scaleBy, factor);
      return;
    }
    const tf = transform.current;
    select(canvas).call(zoomRef.current.scaleBy, factor, [tf.x + (layout.x[i] as number) * tf.k, tf.y + (layout.y[i] as number) * tf.k]);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const action = mapKeyAction(e.key, rtl);
    if (!action) return;
    if (action.kind === 'move') moveFocus(action.sign * (action.by === 'row' ? rowDelta() : 1));
    else if (action.kind === 'zoom') zoomBy(action.factor);
    else if (action.kind === 'fit') applyTransform(fit(layout, size.current.width, size.current.height));
    else if (focused && onSelect) onSelect(focused, true);
    e.preventDefault();
  };

  const focusNode = focused ? byId.get(focused) : undefined;
  const describe = (id: string) => {
    const node = byId.get(id);
    const look = looks.get(id);
    if (!node) return id;
    const parts = [localText(node.name, lang) || id, t(`kind.${node.kind}`), look ? t(`status.${look.status}`) : ''];
    if (look?.isolated) parts.push(t('status.isolated'));
    if (look && look.alerts > 0) parts.push(t('map.alerts', { count: look.alerts }));
    return parts.filter(Boolean).join(' · ');
  };
  const describeSegment = (id: string) => {
    const s = segmentNames.get(id);
    if (!s) return id;
    return [localText(s.name, lang) || id, t(`zone.${s.zone}`), localText(teamNames.get(s.owner)?.name, lang) || s.owner].join(' · ');
  };

  return (
    <div className="map" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        className="map-canvas"
        tabIndex={0}
        role="img"
        aria-label={`${label}. ${t('map.keys')}`}
        aria-roledescription={t('map.role')}
        onClick={onClick}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        onKeyDown={onKey}
        data-nodes={layout.nodeIds.length}
      />
      <div className="map-tools">
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)} aria-label={t('map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={t('map.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => applyTransform(fit(layout, size.current.width, size.current.height))}>
          {t('map.fit')}
        </button>
      </div>
      {hover ? (
        <div className="map-tip" style={{ left: hover.x + 14, top: hover.y + 14 }} dir="auto">
          {hover.segment ? describeSegment(hover.id) : describe(hover.id)}
        </div>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {focusNode ? describe(focusNode.id) + (selected.has(focusNode.id) ? `, ${t('map.selected')}` : '') : ''}
      </p>
    </div>
  );
}
