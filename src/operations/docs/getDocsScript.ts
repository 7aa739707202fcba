import type { Handler } from '../handler.js';
import { docsAsset } from './files.js';
import { docsOff } from './origin.js';

export const getDocsScript: Handler<'getDocsScript'> = ({ params }, { services }) => {
  if (!services.config.docs) return docsOff();
  const { text, type } = docsAsset(params.script);
  return { status: 200, body: text, headers: { 'content-type': type, 'cache-control': 'public, max-age=3600' } };
};
