/** Renderer entry: picks the platform, mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { detectPlatform } from './platform';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('Elemen #root tidak ada');
createRoot(container).render(
  <StrictMode>
    <App platform={detectPlatform()} />
  </StrictMode>,
);
