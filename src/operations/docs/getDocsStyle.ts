import type { Handler } from '../handler.js';
import { docsAsset } from './files.js';
import { docsOff } from './origin.js';

export const getDocsStyle: Handler<'getDocsStyle'> = (_input, { services }) => {
  if (!services.config.docs) return docsOff();
  const { text, type } = docsAsset('swagger-ui.css');
  return { status: 200, body: text, headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' } };
};
