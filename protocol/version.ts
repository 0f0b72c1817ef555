/**
 * The wire protocol's version. Bump it on any change a deployed client could misread (a renamed
 * event, a payload field that changes meaning); additive, optional fields do not need a bump.
 * A client announces the version it speaks in the socket handshake; the server refuses others
 * with `PROTOCOL_VERSION` so that a stale browser tab asks for a reload instead of misbehaving.
 */
export const PROTOCOL_VERSION = 1;

/** Socket.IO path; the REST API lives under `/api`. */
export const SOCKET_PATH = '/socket.io';
