import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApi } from './app/api';
import { App } from './app/App';
import { startI18n } from './app/i18n';

// The API first: it takes the web host's token out of the URL before the router reads the hash.
startApi();
startI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
