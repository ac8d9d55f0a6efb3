import type { TwinConfig } from '../domain/config/twinConfig';

/** The parts of the configuration that decide which other servers the browser may talk to. */
export type ExternalSourcesConfig = Pick<TwinConfig, 'tilesBaseUrl' | 'baseLayers' | 'terrain'>;

// A host name (or its wildcard remainder) that is safe to write into a CSP header: no `;`, `,`, quotes or spaces.
const SAFE_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;
const URL_PLACEHOLDER = /[{}]/;

/**
 * Turns a configured URL into a CSP host source (`https://tiles.example.org:8443`), or undefined for paths on this
 * server and for URLs that cannot be expressed safely. XYZ templates may put a placeholder into the host
 * (`https://{s}.tile.example.org/...`); those labels become a CSP wildcard (`https://*.tile.example.org`).
 */
export function cspSourceOfUrl(url: string): string | undefined {
  const match = /^(https?):\/\/([^/?#\\]+)/i.exec(url);
  if (!match?.[1] || !match[2]) return undefined;
  const scheme = match[1].toLowerCase();
  // Credentials never belong in a policy, and the browser ignores them when matching.
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1);
  const portMatch = /:(\d*)$/.exec(authority);
  const hostText = portMatch ? authority.slice(0, portMatch.index) : authority;
  const portText = portMatch?.[1] ? `:${portMatch[1]}` : '';

  let wildcard = false;
  let fixedHost = hostText;
  if (URL_PLACEHOLDER.test(hostText)) {
    const labels = hostText.split('.');
    const lastTemplated = labels.findLastIndex((label) => URL_PLACEHOLDER.test(label));
    const fixedLabels = labels.slice(lastTemplated + 1);
    // `*.org` would open the door to a whole top-level domain; better to leave such a layer out.
    if (fixedLabels.length < 2) return undefined;
    wildcard = true;
    fixedHost = fixedLabels.join('.');
  }

  let parsed: URL;
  try {
    // The URL parser lower-cases the host, converts international names to punycode and drops default ports.
    parsed = new URL(`${scheme}://${fixedHost}${portText}/`);
  } catch {
    return undefined;
  }
  if (!SAFE_HOST.test(parsed.hostname)) return undefined;
  return `${scheme}://${wildcard ? '*.' : ''}${parsed.host}`;
}

/** Sorted, de-duplicated CSP sources for a list of URLs; paths on this server are covered by 'self'. */
function sourcesOf(urls: readonly string[]): string[] {
  const sources = urls.map(cspSourceOfUrl).filter((source): source is string => source !== undefined);
  return [...new Set(sources)].sort();
}

/**
 * The Content-Security-Policy for the app's HTML. By default the browser may load only from this server; an origin
 * is added only because the configuration names it. That is the data-sovereignty promise, enforced by the browser
 * even if some script (or a dependency) tried to send data elsewhere.
 */
export function buildContentSecurityPolicy(config: ExternalSourcesConfig): string {
  const baseLayerSources = sourcesOf(config.baseLayers.map((layer) => layer.url));
  const fetchedSources = sourcesOf([
    config.tilesBaseUrl,
    ...(config.terrain ? [config.terrain.url] : []),
    ...config.baseLayers.map((layer) => layer.url),
  ]);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Scripts only from this server. Cesium compiles WebAssembly (Draco, meshopt), and the Knockout bundled with
    // Cesium's widgets evaluates strings at load ("(0,eval)('this')") and in its bindings, so eval stays allowed;
    // the origins, not eval, are what keeps data on the city's server.
    ['script-src', "'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
    // Cesium starts its workers from this server or, for cross-origin builds, from blob: URLs it creates itself.
    ['worker-src', "'self'", 'blob:'],
    // Cesium's widgets and React set inline styles.
    ['style-src', "'self'", "'unsafe-inline'"],
    // Cesium loads imagery tiles through <img> unless it needs the bytes, so base-layer hosts belong here too.
    ['img-src', "'self'", 'data:', 'blob:', ...baseLayerSources],
    ['connect-src', "'self'", ...fetchedSources],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}
