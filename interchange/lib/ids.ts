/** Scenario ids from foreign names: slugs that satisfy the `Id` pattern, made unique within a kind. */

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export function isId(text: string): boolean {
  return ID_RE.test(text);
}

/**
 * A readable id from any text: lower case, runs of other characters become "-", at most `max`
 * characters; `fallback` when nothing usable is left (e.g. Arabic-only or punctuation-only names).
 */
export function slugId(text: string, fallback: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max)
    .replace(/[-.]+$/g, '');
  return slug === '' ? fallback : slug;
}

/** Hands out ids unique among those already taken: `base`, then `base-2`, `base-3`, ... */
export class IdAllocator {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
  take(base: string): string {
    let id = base.slice(0, 80);
    for (let n = 2; this.taken.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, 80 - suffix.length)}${suffix}`;
    }
    this.taken.add(id);
    return id;
  }
}
