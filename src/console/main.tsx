// The console's entry: esbuild bundles it with Preact into generated/console/ (npm run generate).
import { render } from 'preact';
import './console.css';
import { App } from './App.js';

render(<App />, document.getElementById('console') as HTMLElement);
