/** The rendered width of an element, followed with a ResizeObserver (charts draw at 1:1 pixels). */
import { useEffect, useRef, useState } from 'react';

export function useWidth<E extends HTMLElement>(initial: number): [React.RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
