/** The little of oidc-provider (a JavaScript package without types) that test/e2e/oidc.test.ts uses. */
declare module 'oidc-provider' {
  import type { RequestListener } from 'node:http';

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): RequestListener;
  }
}
