/**
 * The Host header, checked before anything reads it. A page on another site can make a browser
 * send requests to this server under a name its attacker controls (DNS rebinding: evil.example
 * resolves to 127.0.0.1 a moment after the page loaded), and a malformed Host (one with `;`) once
 * made the content security policy, which writes the host into `connect-src`, throw.
 *
 * A request passes when its Host is well-formed and names this server: an IP address literal
 * (v4, or v6 in brackets: no DNS, so nothing to rebind), `localhost`, or a name given with
 * `ramparts serve --allowed-host NAME` (`ServerConfig.allowedHosts`); any port. Everything else is
 * refused with a sentence that says which option admits the name.
 */

/** `name[:port]` with a DNS name, or an IPv4 literal, or `[IPv6][:port]`. */
const SHAPE = /^(?:(?<name>[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?)|\[(?<v6>[0-9A-Fa-f:.]{2,45})\])(?::(?<port>\d{1,5}))?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** The hostname of a Host header (lowercase, without port or trailing dot), or undefined when malformed. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined || host.length > 300) return undefined;
  const match = SHAPE.exec(host);
  if (!match?.groups) return undefined;
  const { name, v6, port } = match.groups;
  if (port !== undefined && Number(port) > 65535) return undefined;
  if (v6 !== undefined) return `[${v6.toLowerCase()}]`;
  return name!.toLowerCase().replace(/\.$/, '');
}

/** Why a request with this Host is refused, or undefined when it may pass. */
export function hostProblem(host: string | undefined, allowed: readonly string[]): string | undefined {
  const name = hostnameOf(host);
  if (name === undefined) return 'the Host header is missing or malformed';
  if (name === 'localhost' || name.startsWith('[') || IPV4.test(name)) return undefined;
  if (allowed.some((a) => a.toLowerCase().replace(/\.$/, '') === name)) return undefined;
  return `this server does not answer to the name "${name}"; its operator admits a name with ramparts serve --allowed-host ${name}`;
}
