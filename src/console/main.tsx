// The console's entry: esbuild bundles it with Preact into generated/console/ (npm run generate).
import { render } from 'preact';
import './console.css';
import { App } from './App.js';

const root = document.getElementById('console') as HTMLElement;
root.replaceChildren(); // the page's "Loading the console…", which Preact would otherwise leave above the app
render(<App />, root);
