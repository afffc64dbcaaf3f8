import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';

const apiTarget = process.env.SYNTASK_UI_DEV_PROXY ?? 'http://127.0.0.1:4200';

export default defineConfig({
  // The router plugin must run before React's so it can split route modules first.
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true, addExtensions: true }), react(), tailwindcss()],
  // Module workers can split: the graph-layout worker loads elkjs only for graphs elkjs lays out.
  worker: { format: 'es' },
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/ui-settings': apiTarget,
    },
  },
});
