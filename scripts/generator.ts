/**
 * The shape of a generator module run by scripts/generate.ts. A generator is pure: it returns the
 * files it would write (path relative to the repository root, and the full content); generate.ts
 * writes them, or with --check compares them with what is committed.
 */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GeneratorModule {
  /** Short name, used to run a subset: `npm run gen -- schema`. */
  name: string;
  generate(): Promise<GeneratedFile[]>;
}
