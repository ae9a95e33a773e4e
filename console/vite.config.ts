import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built into dist/, which the gateway serves at `/`: hashed files under assets/ (cached
 * for good), index.html revalidated. Nothing is loaded from outside the gateway.
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1200,
  },
});
