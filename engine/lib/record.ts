/** A plain JSON object (not null, not an array): what readers of untrusted input check before reading keys. */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
