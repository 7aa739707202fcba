import { type Handler, ok } from '../handler.js';
import { listAnswer, listRequest } from '../paging.js';
import { presentAuditEntry } from '../present.js';

export const listAudit: Handler<'listAudit'> = async ({ query }, { services }) => {
  const list = listRequest(query);
  return ok({
    errCode: 0,
    data: listAnswer(list, await services.audit.page(list.window), presentAuditEntry),
    errMsg: 'success',
  });
};
