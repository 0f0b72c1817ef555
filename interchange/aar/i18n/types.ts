/** The type of an AAR catalog: every key of the English reference, strings or functions of formatted values. */
import type { EN } from './en.ts';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type AarMessages = { readonly [K in keyof typeof EN]: Widen<(typeof EN)[K]> };
