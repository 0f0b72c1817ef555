/**
 * The wire protocol shared by the server and the web client: version, REST payloads, socket event
 * maps, delta shape and helpers, error codes. Browser-safe: imports no server code and no `node:`.
 */
export * from './version.ts';
export * from './errors.ts';
export * from './rest.ts';
export * from './exports.ts';
export * from './socket.ts';
export * from './delta.ts';
export * from './patch.ts';
export * from './auth.ts';
export * from './library.ts';
export * from './plan.ts';
