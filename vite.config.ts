import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The single-page app; `npm start` serves its build together with the proxy. The shipped build has no source maps;
// SIGNET_SOURCEMAPS=1 builds them for debugging, SIGNET_SOURCEMAPS=hidden beside the files without linking them.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', sourcemap: process.env.SIGNET_SOURCEMAPS === 'hidden' ? 'hidden' : process.env.SIGNET_SOURCEMAPS === '1', target: 'es2022' },
});
