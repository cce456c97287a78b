import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is one static build, served from app://spbe/ in Electron and over http in the
// browser build; relative asset URLs work for both.
export default defineConfig({
  root,
  base: './',
  publicDir: fileURLToPath(new URL('../assets', import.meta.url)),
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
