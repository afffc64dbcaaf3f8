import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const ROUTE_KEY = /^src\/routes\/(.+)\.tsx\?tsr-split=component$/;

/** `runs.flow-run.$id` → a pattern for `/runs/flow-run/<anything>` (TanStack's flat file-route names). */
export function routePattern(routeFile: string): RegExp | null {
  if (routeFile.startsWith('__')) return null;
  const segments = routeFile.split('.').filter((s) => s !== 'index' && s !== 'route');
  const body = segments.map((s) => (s.startsWith('$') ? '[^/]+' : s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&'))).join('/');
  return new RegExp(`^/${body}/?$`);
}

/**
 * The dashboard's index.html with `<link rel="modulepreload">` for the chunks of the route a
 * path opens on, so the browser fetches them with the entry bundle instead of after it has run.
 * Without a Vite manifest (a dev or foreign build) it answers the plain file.
 */
export function createIndexHtml(dir: string): (path: string) => string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return () => html;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entryImports = new Set<string>();
  const collect = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key] || manifest[key].isEntry) return;
    into.add(key);
    for (const dep of manifest[key].imports ?? []) collect(dep, into);
  };
  for (const chunk of Object.values(manifest)) if (chunk.isEntry) for (const dep of chunk.imports ?? []) collect(dep, entryImports);

  const routes: { pattern: RegExp; html: string }[] = [];
  for (const key of Object.keys(manifest)) {
    const match = ROUTE_KEY.exec(key);
    const pattern = match && routePattern(match[1]);
    if (!pattern) continue;
    const chunks = new Set<string>();
    collect(key, chunks);
    const links = [...chunks].filter((k) => !entryImports.has(k)).map((k) => `<link rel="modulepreload" crossorigin href="/${manifest[k].file}">`);
    routes.push({ pattern, html: html.replace('</head>', `${links.join('')}</head>`) });
  }
  // Literal segments win over parameters (`/work-pools/create` before `/work-pools/$name`).
  const params = (r: { pattern: RegExp }) => r.pattern.source.split('[^/]+').length;
  routes.sort((a, b) => params(a) - params(b));
  return (path) => routes.find((r) => r.pattern.test(path))?.html ?? html;
}
