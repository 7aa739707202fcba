// Users and roles of the original system (its MySQL tables `role` and `users`) brought into this one. bcrypt hashes
// are kept as they are: they verify at login and are replaced by argon2id then (src/accounts/passwords.ts).
import { randomUUID } from 'node:crypto';
import type { NewUser } from '../../db/schema.js';
import type { Permission } from '../storage/permissions.js';
import type { Repositories } from '../storage/repositories/index.js';
import type { Row } from './dump.js';

type ImportServices = Pick<Repositories, 'users' | 'roles' | 'audit'>;

export interface ImportReport {
  rolesCreated: string[];
  imported: number;
  /** Why rows were left out, with how many of each. */
  skipped: Record<string, number>;
}

const isBcrypt = (hash: unknown): hash is string =>
  typeof hash === 'string' && /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(hash);

/** MySQL's `YYYY-MM-DD HH:MM:SS[.ffffff]` (stored as UTC by the original's ORM) as RFC 3339. */
function timestamp(value: Row[string] | undefined, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const time = Date.parse(`${value.trim().replace(' ', 'T')}Z`);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/** A role code from a legacy role name: `admin` and `user` find the built-in roles. */
export function roleCode(name: string, id: unknown): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 32);
  if (!slug) return `legacy-role-${String(id)}`.slice(0, 32);
  return /^[a-z]/.test(slug) ? slug : `r-${slug}`.slice(0, 32);
}

/** Users are checked and inserted this many at a time: one round trip for the names, one for the uids, one insert. */
const batchSize = 500;

/**
 * Imports `roles` (all read first: they are few) and then `users`, streamed, in batches. Users whose name is taken
 * (here, or earlier in the dump), who were deleted, or whose password is not a bcrypt hash are left out and
 * counted. Running it again imports nothing twice.
 */
export async function importLegacy(
  services: ImportServices,
  roles: AsyncIterable<Row>,
  users: AsyncIterable<Row>,
  progress: (imported: number) => void = () => {},
): Promise<ImportReport> {
  const report: ImportReport = { rolesCreated: [], imported: 0, skipped: {} };
  const skip = (why: string, n = 1) => {
    if (n > 0) report.skipped[why] = (report.skipped[why] ?? 0) + n;
  };
  const now = new Date().toISOString();

  const roleIds = new Map<unknown, number>();
  for await (const role of roles) {
    if (role.deleted_at !== null && role.deleted_at !== undefined) continue;
    const code = roleCode(String(role.name ?? ''), role.id);
    let found = await services.roles.findByCode(code);
    if (!found) {
      const name =
        String(role.name ?? code)
          .trim()
          .slice(0, 64) || code;
      const created = await services.roles.create({
        name,
        desc: String(role.desc ?? '').slice(0, 256),
        code,
        permissions: [] as Permission[],
      });
      found = created ?? (await services.roles.findByCode(code));
      if (created) report.rolesCreated.push(code);
    }
    if (found) roleIds.set(role.id, found.id);
  }
  const userRole = await services.roles.findByCode('user');
  if (!userRole) throw new Error('the user role is missing');

  let batch: NewUser[] = [];
  const flush = async () => {
    const before = report.imported;
    const takenNames = await services.users.takenNames(batch.map((user) => user.username));
    const fresh = batch.filter((user) => !takenNames.has(user.username.toLowerCase()));
    skip('user name already taken', batch.length - fresh.length);
    const takenUids = await services.users.takenUids(fresh.map((user) => user.uid));
    const insert = fresh.filter((user) => !takenUids.has(user.uid));
    skip('uid already taken', fresh.length - insert.length);
    const inserted = await services.users.createMany(insert);
    // Taken between the check and the insert (a registration meanwhile).
    skip('user name already taken', insert.length - inserted);
    report.imported += inserted;
    for (let k = Math.floor(before / 1000) + 1; k <= Math.floor(report.imported / 1000); k++) progress(k * 1000);
    batch = [];
  };
  // Names and uids already in this batch: the dump's first row with each wins, as it would one row at a time.
  const batchNames = new Set<string>();
  const batchUids = new Set<string>();
  for await (const user of users) {
    const username = String(user.username ?? '').trim();
    const uid = typeof user.uid === 'string' && user.uid ? user.uid : randomUUID();
    if (user.deleted_at !== null && user.deleted_at !== undefined) skip('deleted in the original');
    else if (!username || username.length > 64) skip('no usable user name');
    else if (!isBcrypt(user.password)) skip('password is not a bcrypt hash');
    else if (batchNames.has(username.toLowerCase())) skip('user name already taken');
    else if (batchUids.has(uid)) skip('uid already taken');
    else {
      batchNames.add(username.toLowerCase());
      batchUids.add(uid);
      batch.push({
        uid,
        username,
        password: user.password,
        status: Number(user.status) === 1 ? 1 : 0,
        role_id: roleIds.get(user.role_id) ?? userRole.id,
        created_at: timestamp(user.created_at, now),
        updated_at: timestamp(user.updated_at, now),
        password_changed_at: null,
      });
      if (batch.length === batchSize) {
        await flush();
        batchNames.clear();
        batchUids.clear();
      }
    }
  }
  if (batch.length) await flush();
  await services.audit.record({ actor: null, action: 'user.import', target: 'legacy', detail: { ...report }, ip: '' });
  return report;
}
