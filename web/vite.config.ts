/**
 * The console's build (`web/dist`, served by `npm start`) and its dev server (`npm run dev:web`):
 * hot reload on 5173, the API and the local routes proxied to the desk on DESK_URL (default
 * http://127.0.0.1:3000, `npm start`'s). Console paths that are also API paths do not exist
 * (ADR 023): the detail page is /ticket/{id}, the API's is /tickets/{id}.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const desk = process.env.DESK_URL ?? 'http://127.0.0.1:3000';
const API_PREFIXES = [
  '/tickets',
  '/staff',
  '/parks',
  '/keys',
  '/local/',
  '/health',
  '/openapi.json',
  '/ack/',
  '/reports',
  '/reviews',
  '/work-log',
  // The console's runtime config: the desk answers the local one (ADR 024).
  '/config.json',
];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, { target: desk, changeOrigin: false }])),
  },
});
