import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';

/**
 * Writes `.br` and `.gz` next to every text asset of the build, so the server sends them as
 * they are (`@fastify/static` `preCompressed`) instead of compressing on each request.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return {
    name: 'syntask-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|map)$/.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

const apiTarget = process.env.SYNTASK_UI_DEV_PROXY ?? 'http://127.0.0.1:4200';

export default defineConfig({
  // The router plugin must run before React's so it can split route modules first.
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true, addExtensions: true }), react(), tailwindcss(), precompress()],
  // Module workers can split: the graph-layout worker loads elkjs only for graphs elkjs lays out.
  worker: { format: 'es' },
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    // Read by the server to modulepreload the chunks of the route a page opens on.
    manifest: true,
    rolldownOptions: {
      output: {
        // Icons in one chunk: a cold page load over HTTP/1.1 (six connections) otherwise queues its
        // API requests behind a dozen tiny icon chunks.
        codeSplitting: {
          groups: [
            { name: 'icons', test: /node_modules[\\/]lucide-react/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/ui-settings': apiTarget,
    },
  },
});
