import { ok, window, type Handler } from '../types.js';
import { presentAuditEntry } from '../present.js';

export const listAudit: Handler<'listAudit'> = async ({ query }, { services }) => {
  const { offset, limit, page, pageSize } = window(query);
  const { items, total } = await services.audit.page({ offset, limit });
  return ok({ errCode: 0, data: { items: items.map(presentAuditEntry), total, page, pageSize }, errMsg: 'success' });
};
