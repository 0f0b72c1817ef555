/** A text with its handles and addresses isolated left to right and kept whole (client/lib/isolate.ts). */
import { isolateTokens } from '../lib/isolate.ts';

export function Isolated({ text }: { text: string }) {
  const pieces = isolateTokens(text);
  if (pieces.length === 1 && typeof pieces[0] === 'string') return text;
  return pieces.map((p, i) =>
    typeof p === 'string' ? (
      p
    ) : (
      <bdi key={i} dir="ltr" className="nowrap">
        {p.ltr}
      </bdi>
    ),
  );
}
