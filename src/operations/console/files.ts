// What the console operations serve: the page and the two files esbuild made from src/console/ (generated/console/).
import { assetText } from '../../assets.js';
import { fail } from '../envelope.js';

export const consolePage = () => assetText('console/index.html');

/** The console's script or style sheet, cached by browsers for a minute (a new build is picked up soon). */
export function consoleFile(asset: 'console/console.js' | 'console/console.css', type: string) {
  return {
    status: 200 as const,
    body: assetText(asset),
    headers: { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=60' },
  };
}

export const consoleOff = () => fail('notFound', 'route not found: the server runs with CONSOLE=false');
