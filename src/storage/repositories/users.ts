// All SQL on the users table (joined with its role).
import {
  type AliasedSelectQueryBuilder,
  type Compilable,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { Database, NewUser, UserRow } from '../../../db/schema.js';
import { firstRows } from '../../perf/firstRows.js';
import { plannedEachRun } from '../../perf/namedStatements.js';
import { estimate, sampleSize, searchWindow, trigramEstimates } from '../../perf/searchWindow.js';
import type { DatabaseHandle } from '../connect.js';
import { LastAdministrator } from '../errors.js';
import { adminRoleCode, type Permission } from '../permissions.js';
import { scopesFrom } from './accessTokens.js';
import { after, cappedTotal, countLimit, type Slice, type Window } from './paging.js';
import { prepared } from './prepared.js';
import { grantedColumn, type RolesRepository, type RoleWithPermissions, withGranted } from './roles.js';
import { type Keyword, keyword as keywordOf, likeAny } from './search.js';
import { type SecuritySettings, securityColumn, securityFrom } from './settings.js';
import { isUniqueViolation, rowCount } from './sql.js';

export type UserWithRole = Omit<UserRow, 'password'> & { role: RoleWithPermissions };
/** What a list of users shows of each (presentUser's fields); the rest stays in the database. */
export type ListedUser = Pick<
  UserRow,
  'id' | 'uid' | 'username' | 'status' | 'role_id' | 'locked_until' | 'created_at' | 'updated_at'
> & { role: RoleWithPermissions };
export type UserWithSecret = UserWithRole & { password: string };

/** A request's caller: the user found by the token's id, with the security settings read in the same query. */
export interface Caller {
  user: UserWithRole;
  settings: SecuritySettings;
  /** The last recorded use of the session the token names; null when it names none that holds. */
  sessionUsed: string | null;
}

/** A caller presenting a personal access token, with the token: its scopes and last recorded use. */
export interface AccessTokenCaller extends Caller {
  accessToken: { id: number; scopes: Permission[]; used: string | null };
}

export function usersRepository(
  { db, dialect, readAside }: Pick<DatabaseHandle, 'db' | 'dialect' | 'readAside'>,
  roles: RolesRepository,
) {
  const roleColumns = [
    'role.created_at as role_created_at',
    'role.updated_at as role_updated_at',
    'role.deleted_at as role_deleted_at',
    'role.name as role_name',
    'role.desc as role_desc',
    'role.code as role_code',
    'role.permission_id as role_permission_id',
  ] as const;
  const live = db
    .selectFrom('users')
    .innerJoin('role', 'role.id', 'users.role_id')
    .where('users.deleted_at', 'is', null)
    .select([
      'users.id',
      'users.created_at',
      'users.updated_at',
      'users.deleted_at',
      'users.uid',
      'users.username',
      'users.status',
      'users.role_id',
      'users.token_version',
      'users.login_failures',
      'users.locked_until',
      'users.password_changed_at',
      'users.must_change_password',
    ])
    .select(roleColumns)
    .select(grantedColumn(dialect, sql.ref('users.role_id')).as('role_granted'));
  type Row = Awaited<ReturnType<typeof live.executeTakeFirstOrThrow>>;

  // A user's role, with its grants, from the role_ columns of a row that joins it.
  const roleOf = (r: Pick<Row, `role_${string}` & keyof Row>) =>
    withGranted({
      id: r.role_id,
      created_at: r.role_created_at,
      updated_at: r.role_updated_at,
      deleted_at: r.role_deleted_at,
      name: r.role_name,
      desc: r.role_desc,
      code: r.role_code,
      permission_id: r.role_permission_id,
      granted: r.role_granted,
    });
  // The user and their role with its grants come in one row (one round trip on PostgreSQL, per request's caller).
  const present = <R extends Row>(rows: R[]) => {
    return rows.map((r) => ({
      row: r,
      user: {
        id: r.id,
        created_at: r.created_at,
        updated_at: r.updated_at,
        deleted_at: r.deleted_at,
        uid: r.uid,
        username: r.username,
        status: r.status,
        role_id: r.role_id,
        token_version: r.token_version,
        login_failures: r.login_failures,
        locked_until: r.locked_until,
        password_changed_at: r.password_changed_at,
        must_change_password: r.must_change_password,
        role: roleOf(r),
      } satisfies UserWithRole,
    }));
  };
  const presentAll = (rows: Row[]) => present(rows).map((p) => p.user);

  const lowerName = sql<string>`lower(users.username)`;
  const byId = prepared(db, (p: { id: number }) => live.where('users.id', '=', p.id));
  // The session the caller's token names: its last recorded use, or null when it does not hold (ended, or from
  // before the user's sessions last ended). Its expiry is the token's, checked with the signature.
  const sessionUsed = (p: { sid: number }) =>
    db
      .selectFrom('session')
      .select('session.last_used_at')
      .where('session.id', '=', p.sid)
      .where('session.user_id', '=', sql.ref<number>('users.id'))
      .where('session.token_version', '=', sql.ref<number>('users.token_version'));
  const callerById = prepared(db, (p: { id: number; sid: number }) =>
    live
      .select(securityColumn(dialect).as('security'))
      .select(sessionUsed(p).as('session_used'))
      .where('users.id', '=', p.id),
  );
  // The owner of an unexpired access token, found by its hash, with the token: revoking is deleting the row, and a
  // deleted owner is not live.
  const callerByAccessToken = prepared(db, (p: { hash: string; now: string }) =>
    live
      .innerJoin('access_token', 'access_token.user_id', 'users.id')
      .select(securityColumn(dialect).as('security'))
      .select([
        'access_token.id as token_id',
        'access_token.scopes as token_scopes',
        'access_token.last_used_at as token_used',
      ])
      .where('access_token.hash', '=', p.hash)
      .where('access_token.expires_at', '>', p.now),
  );
  const byName = prepared(db, (p: { name: string }) => live.where(lowerName, '=', p.name));
  const byNameWithSecret = prepared(db, (p: { name: string }) =>
    live.select('users.password').where(lowerName, '=', p.name),
  );
  // A page carries only the listed columns, and each role is read once rather than joined to every user's row:
  // SQLite values cost about as much to bring into JavaScript as the rest of the request.
  const columns = [
    'users.id',
    'users.uid',
    'users.username',
    'users.status',
    'users.role_id',
    'users.locked_until',
    'users.created_at',
    'users.updated_at',
  ] as const;
  const listed = db.selectFrom('users').where('users.deleted_at', 'is', null).select(columns).orderBy('users.id');
  type ListedRow = Awaited<ReturnType<typeof listed.execute>>[number];
  const byOffset = prepared(db, (p: { limit: number; offset: number }) =>
    listed.limit(rowCount(p.limit)).offset(rowCount(p.offset)),
  );
  const byCursor = prepared(db, (p: { after: number; limit: number }) =>
    listed.where('users.id', '>', p.after).limit(rowCount(p.limit)),
  );
  const liveUsers = db.selectFrom('row_count').select('n').where('name', '=', sql.lit('users'));
  const liveCount = prepared(db, () => liveUsers);
  // On PostgreSQL a page comes with its users' roles and the count in one statement: one round trip, where the
  // page, the count and the roles would be three statements on two connections (SQLite, in process, reads them apart).
  // The page is cut first: PostgreSQL computes the select list of every row that OFFSET skips.
  // Any query of listed rows: the users table, or firstRows' cut of it.
  type Page = { as(alias: 'page'): AliasedSelectQueryBuilder<ListedRow, 'page'> };
  const joinRoles = (page: Page) =>
    db
      .selectFrom(page.as('page'))
      .innerJoin('role', 'role.id', 'page.role_id')
      .selectAll('page')
      .select(roleColumns)
      .select(grantedColumn(dialect, sql.ref('page.role_id')).as('role_granted'));
  type PageRow = Awaited<ReturnType<ReturnType<typeof joinRoles>['execute']>>[number];
  // A page's three shapes on PostgreSQL, each compiled once: the first page and a cursor's page cut by firstRows
  // (perf/firstRows.ts: planned once), a page after an OFFSET; `statement` may bind parameters of its own (P).
  type Bounds = { after: number; limit: number; offset: number };
  const pageShapes = <P extends Record<string, unknown>, R>(statement: (page: Page, p: P) => Compilable<R>) => {
    const first = prepared(db, (p: P & Bounds) => statement(firstRows(db, listed, p.limit), p));
    const byCursor = prepared(db, (p: P & Bounds) =>
      statement(firstRows(db, listed.where('users.id', '>', p.after), p.limit), p),
    );
    const byOffset = prepared(db, (p: P & Bounds) =>
      statement(listed.limit(rowCount(p.limit)).offset(rowCount(p.offset)), p),
    );
    return (window: Window, p: P) => {
      const bounds = { ...p, after: window.after ?? 0, limit: window.limit, offset: window.offset };
      return window.after !== undefined ? byCursor(bounds) : window.offset === 0 ? first(bounds) : byOffset(bounds);
    };
  };
  const withRoles = pageShapes((page) => joinRoles(page).select(liveUsers.as('live_total')).orderBy('page.id'));
  const listedOf = (rows: PageRow[]): ListedUser[] =>
    rows.map((r) => ({
      id: r.id,
      uid: r.uid,
      username: r.username,
      status: r.status,
      role_id: r.role_id,
      locked_until: r.locked_until,
      created_at: r.created_at,
      updated_at: r.updated_at,
      role: roleOf(r),
    }));
  const pageWithRoles = async (window: Window): Promise<Slice<ListedUser>> => {
    const rows = await withRoles(window, {});
    // A page past the end carries no count: read it alone.
    const total = rows.length ? rows[0]!.live_total : (await liveCount({}))[0]?.n;
    return { items: listedOf(rows), total: Number(total ?? 0), totalExact: true };
  };
  // Speed trick (perf/callerReads.ts): the caller's row carries the page as JSON, its rows and, once each, their
  // roles (a role's columns and grants on every row were most of the JSON PostgreSQL built), and the live count.
  const pageRoles = db
    .selectFrom('role')
    .selectAll()
    .select(grantedColumn(dialect, sql.ref('role.id')).as('granted'))
    .where(sql<SqlBool>`role.id in (select p.role_id from p)`);
  type PageJson = { items: ListedRow[]; roles: Awaited<ReturnType<typeof pageRoles.execute>> };
  const callerWithPage = pageShapes((page, p: { id: number; sid: number }) =>
    live
      .select(securityColumn(dialect).as('security'))
      .select(sessionUsed(p).as('session_used'))
      .select(
        sql<PageJson>`(with p as (${page}) select json_build_object('items', (select coalesce(json_agg(p order by p.id), '[]'::json) from p), 'roles', (select coalesce(json_agg(r), '[]'::json) from (${pageRoles}) as r)))`.as(
          'page',
        ),
      )
      .select(liveUsers.as('live_total'))
      .where('users.id', '=', p.id),
  );

  // Keyword search: SQLite's trigram table gives the matching ids in id order; keywords shorter than a trigram, and
  // PostgreSQL (whose planner picks the GIN index on search_name, lower(username) kept by the database, or the id
  // order), filter the list. Neither is bounded by the page (a rare short keyword scans every user; a cursor deep
  // into a common keyword skips its matches), so they read aside, off the event loop, the short ones (which may
  // read every user) on a lane of their own. The index is given the keyword's window (searchWindow.ts) and the
  // whole keyword checked on what it finds. searchPage serves cursors; matchingIds (below) the count and every
  // page `page` reaches. Which of the plans is right depends on the keyword, so PostgreSQL plans both at every run.
  const matching = (pattern: string) =>
    likeAny(pattern, dialect === 'postgres' ? sql<string>`users.search_name` : sql<string>`lower(users.username)`);
  // strpos and instr, which no index serves: the planner keeps to the window's trigrams.
  const holding = (name: RawBuilder<string>, whole: string) =>
    dialect === 'postgres'
      ? sql<SqlBool>`strpos(${name}, ${whole}) > 0`
      : sql<SqlBool>`instr(lower(${name}), ${whole}) > 0`;
  const searchName = dialect === 'postgres' ? sql<string>`users.search_name` : sql<string>`users.username`;
  const estimates = trigramEstimates(async () => {
    const [top] = await readAside(db.selectFrom('users').select((eb) => eb.fn.max('users.id').as('max')));
    const maxId = Number(top?.max ?? 0);
    // Always sampleSize ids, repeats and all: one statement text, however many are distinct.
    const ids = Array.from({ length: sampleSize }, () => 1 + Math.floor(Math.random() * maxId));
    const rows = maxId
      ? await readAside(
          db
            .selectFrom('users')
            .select('users.username')
            .where('users.deleted_at', 'is', null)
            .where('users.id', 'in', ids),
        )
      : [];
    return estimate(rows.map((row) => row.username));
  });
  const searchPage = ({ phrase, pattern, short, whole }: Keyword, window: Window) => {
    const query =
      dialect === 'sqlite' && !short
        ? db
            .selectFrom('users_search')
            .innerJoin('users', 'users.id', 'users_search.rowid')
            .where(sql<boolean>`users_search match ${phrase}`)
            .$if(whole !== undefined, (q) => q.where(holding(sql.ref('users.username'), whole!)))
            .where(after(sql.ref('users_search.rowid'), window, 'asc'))
            .select(columns)
            .orderBy('users_search.rowid')
        : listed
            .where(matching(pattern))
            .$if(whole !== undefined, (q) => q.where(holding(searchName, whole!)))
            .where(after(sql.ref('users.id'), window, 'asc'));
    return readAside(
      query.limit(rowCount(window.limit)).offset(rowCount(window.offset)).modifyEnd(plannedEachRun),
      short ? 'scan' : undefined,
    );
  };
  /**
   * The ids of the first matches in id order, up to the result window, in one read: they give both the count and
   * any page that `page` reaches, whose rows are then read by id. They come back as one string (group_concat,
   * string_agg): ten thousand ids cross between threads, or from PostgreSQL, far cheaper so than as rows.
   */
  const matchingIds = async ({ phrase, pattern, short, whole }: Keyword) => {
    const matches =
      dialect === 'sqlite' && !short
        ? sql`(${db
            .selectFrom('users_search')
            .select('rowid as id')
            .where(sql<boolean>`users_search match ${phrase}`)
            .$if(whole !== undefined, (q) => q.where(holding(sql.ref('users_search.username'), whole!)))
            .orderBy('rowid')
            .limit(countLimit)})`
        : sql`(${db
            .selectFrom('users')
            .select('users.id')
            .where('users.deleted_at', 'is', null)
            .where(matching(pattern))
            .$if(whole !== undefined, (q) => q.where(holding(searchName, whole!)))
            .orderBy('users.id')
            .limit(countLimit)})`;
    const joined =
      dialect === 'postgres' ? sql<string | null>`string_agg(id::text, ',')` : sql<string | null>`group_concat(id)`;
    const [row] = await readAside(
      db.selectFrom(matches.as('m')).select(joined.as('ids')).modifyEnd(plannedEachRun),
      short ? 'scan' : undefined,
    );
    // Neither aggregate promises an order: the set is the first matches by id, sorted here (already, as a rule).
    return row?.ids
      ? row.ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [];
  };
  const search = async (
    text: string,
    window: Window,
  ): Promise<[ListedRow[], Pick<Slice<never>, 'total' | 'totalExact'>]> => {
    const found = keywordOf(text, [...text].length < 3 ? text : searchWindow(text, await estimates()));
    const ids = await matchingIds(found);
    const counted = cappedTotal(ids.length);
    if (window.after !== undefined) return [await searchPage(found, window), counted];
    const pageIds = ids.slice(window.offset, window.offset + window.limit);
    return [pageIds.length ? await listed.where('users.id', 'in', pageIds).execute() : [], counted];
  };

  const enabledAdmins = (trx: Transaction<Database>) =>
    trx
      .selectFrom('users')
      .innerJoin('role', 'role.id', 'users.role_id')
      .where('users.deleted_at', 'is', null)
      .where('users.status', '=', 1)
      .where('role.code', '=', adminRoleCode)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

  // SQLite runs one write transaction at a time. On PostgreSQL two transactions could each take away a different
  // administrator and both see one left, so each first locks the administrators' rows: the second waits, then counts.
  const lockAdmins = async (trx: Transaction<Database>) => {
    if (dialect !== 'postgres') return;
    await trx
      .selectFrom('users')
      .select('users.id')
      .where('users.role_id', 'in', (eb) =>
        eb.selectFrom('role').select('role.id').where('role.code', '=', adminRoleCode),
      )
      .where('users.deleted_at', 'is', null)
      .forUpdate()
      .execute();
  };

  /** Runs `change` in a transaction, undone (LastAdministrator) when it takes away the last enabled administrator. */
  const keepingAnAdmin = <T>(change: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx) => {
      await lockAdmins(trx);
      const before = Number((await enabledAdmins(trx)).n);
      const result = await change(trx);
      if (before > 0 && Number((await enabledAdmins(trx)).n) === 0) throw new LastAdministrator();
      return result;
    });

  const now = () => new Date().toISOString();

  return {
    /** The user created, or null when a live user already has that name. */
    async create(user: NewUser): Promise<UserWithRole | null> {
      try {
        const { id } = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
        return this.findById(id);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /** How many of `users` were created; those whose name or uid a live user has are left out (import). */
    async createMany(users: NewUser[]): Promise<number> {
      if (users.length === 0) return 0;
      const inserted = await db
        .insertInto('users')
        .values(users)
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute();
      return inserted.length;
    },

    /** Which of `names` live users hold, lower-cased. */
    async takenNames(names: string[]): Promise<Set<string>> {
      if (names.length === 0) return new Set();
      const rows = await db
        .selectFrom('users')
        .select(lowerName.as('name'))
        .where('deleted_at', 'is', null)
        .where(
          lowerName,
          'in',
          names.map((name) => name.toLowerCase()),
        )
        .execute();
      return new Set(rows.map((row) => row.name));
    },

    /** Which of `uids` any user, live or deleted, holds. */
    async takenUids(uids: string[]): Promise<Set<string>> {
      if (uids.length === 0) return new Set();
      return new Set(
        (await db.selectFrom('users').select('uid').where('uid', 'in', uids).execute()).map((row) => row.uid),
      );
    },

    async existsByUsername(username: string): Promise<boolean> {
      return (await byName({ name: username.toLowerCase() })).length > 0;
    },

    async findByUsername(username: string): Promise<UserWithRole | undefined> {
      return presentAll(await byName({ name: username.toLowerCase() }))[0];
    },

    /** With the password hash, for login and password changes only. */
    async findByUsernameWithSecret(username: string): Promise<UserWithSecret | undefined> {
      const [presented] = present(await byNameWithSecret({ name: username.toLowerCase() }));
      return presented && { ...presented.user, password: presented.row.password };
    },

    async passwordHashOf(id: number): Promise<string | undefined> {
      return (
        await db
          .selectFrom('users')
          .select('password')
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      )?.password;
    },

    /**
     * A request's caller and the security settings, in one query: on PostgreSQL one round trip for both, on every
     * authenticated request. No settings when there is no such user.
     */
    async findCaller(id: number, sid = 0): Promise<Caller | null> {
      const [found] = present(await callerById({ id, sid }));
      return found
        ? { user: found.user, settings: securityFrom(found.row.security), sessionUsed: found.row.session_used }
        : null;
    },

    /** The caller presenting the access token of `hash`, with the token; null when none holds. */
    async findCallerByAccessToken(hash: string): Promise<AccessTokenCaller | null> {
      const [found] = present(await callerByAccessToken({ hash, now: now() }));
      if (!found) return null;
      const { security, token_id, token_scopes, token_used } = found.row;
      return {
        user: found.user,
        settings: securityFrom(security),
        sessionUsed: null,
        accessToken: { id: token_id, scopes: scopesFrom(token_scopes), used: token_used },
      };
    },

    /**
     * PostgreSQL only: `findCaller` and, in the same statement, the page of live users that `page(window)` answers
     * (perf/callerReads.ts).
     */
    async findCallerWithPage(
      id: number,
      sid: number,
      window: Window,
    ): Promise<(Caller & { prefetched: Slice<ListedUser> }) | null> {
      const [found] = present(await callerWithPage(window, { id, sid }));
      if (!found) return null;
      const { security, page, live_total, session_used } = found.row;
      const roleOf = new Map(page.roles.map((role) => [role.id, withGranted(role)]));
      const items = page.items.map((row) => ({ ...row, role: roleOf.get(row.role_id)! }));
      return {
        user: found.user,
        settings: securityFrom(security),
        sessionUsed: session_used,
        prefetched: { items, total: Number(live_total ?? 0), totalExact: true },
      };
    },

    async findById(id: number): Promise<UserWithRole | null> {
      return presentAll(await byId({ id }))[0] ?? null;
    },

    /** A page of live users in id order, those whose name contains `keyword` (any case) when it is given. */
    async page(window: Window, keyword?: string): Promise<Slice<ListedUser>> {
      if (!keyword && dialect === 'postgres') return pageWithRoles(window);
      const [rows, counted] = keyword
        ? await search(keyword, window)
        : await Promise.all([
            window.after === undefined
              ? byOffset({ limit: window.limit, offset: window.offset })
              : byCursor({ after: window.after, limit: window.limit }),
            liveCount({}).then(([count]) => ({ total: Number(count?.n ?? 0), totalExact: true })),
          ]);
      const roleOf = await roles.findByIds([...new Set(rows.map((row) => row.role_id))]);
      return { items: rows.map((row) => ({ ...row, role: roleOf.get(row.role_id)! })), ...counted };
    },

    async hasEnabledAdmin(): Promise<boolean> {
      return db.transaction().execute(async (trx) => Number((await enabledAdmins(trx)).n) > 0);
    },

    /** Enables or disables; disabling ends the user's sessions. LastAdministrator when it would leave none enabled. */
    async setStatus(id: number, enabled: boolean) {
      return keepingAnAdmin(async (trx) => {
        await trx
          .updateTable('users')
          .set((eb) => ({
            status: enabled ? 1 : 0,
            updated_at: now(),
            token_version: enabled ? eb.ref('token_version') : eb('token_version', '+', 1),
          }))
          .where('id', '=', id)
          .execute();
      });
    },

    /** Ends the user's sessions; LastAdministrator when it would leave no enabled administrator. */
    async setRole(id: number, roleId: number) {
      return keepingAnAdmin(async (trx) => {
        await trx
          .updateTable('users')
          .set((eb) => ({ role_id: roleId, updated_at: now(), token_version: eb('token_version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      });
    },

    /**
     * Soft-deletes all of `ids` or none: answers the ids that are not live users, having deleted nothing;
     * LastAdministrator when it would leave no enabled administrator.
     */
    async softDelete(ids: number[]) {
      return keepingAnAdmin(async (trx) => {
        const found = await trx
          .selectFrom('users')
          .select('id')
          .where('id', 'in', ids)
          .where('deleted_at', 'is', null)
          .execute();
        const missing = ids.filter((id) => !found.some((row) => row.id === id));
        if (missing.length) return { missing };
        await trx
          .updateTable('users')
          .set((eb) => ({ deleted_at: now(), updated_at: now(), token_version: eb('token_version', '+', 1) }))
          .where('id', 'in', ids)
          .execute();
        return { missing };
      });
    },

    /** A new password hash: ends sessions and lifts any lock; `mustChange` when an administrator set it. */
    async setPassword(id: number, hash: string, mustChange: boolean): Promise<void> {
      await db
        .updateTable('users')
        .set((eb) => ({
          password: hash,
          password_changed_at: now(),
          must_change_password: mustChange ? 1 : 0,
          login_failures: 0,
          locked_until: null,
          updated_at: now(),
          token_version: eb('token_version', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    },

    /** Replaces a legacy hash by a new hash of the same password: sessions and password age stay. */
    async upgradeHash(id: number, hash: string): Promise<void> {
      await db.updateTable('users').set({ password: hash }).where('id', '=', id).execute();
    },

    async endSessions(id: number): Promise<void> {
      await db
        .updateTable('users')
        .set((eb) => ({ token_version: eb('token_version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    /**
     * Books a login attempt before its password is checked, in one conditional statement, so that a burst of
     * guesses (from any number of instances) checks at most `threshold` passwords: the attempt that reaches the
     * threshold locks the account at once, and a success clears the count (`clearFailures`). A lock that has run
     * out starts the count afresh. Answers the lock's end when a lock in force refuses the attempt.
     */
    async bookAttempt(id: number, threshold: number, lockMinutes: number): Promise<{ lockedUntil: string | null }> {
      for (;;) {
        const at = now();
        const until = new Date(Date.now() + lockMinutes * 60_000).toISOString();
        const failures = sql<number>`case when locked_until is not null and locked_until <= ${at} then 1 else login_failures + 1 end`;
        const booked = await db
          .updateTable('users')
          .set({
            login_failures: failures,
            locked_until: sql`case when ${threshold} > 0 and ${failures} >= ${threshold} then ${until} else null end`,
          })
          .where('id', '=', id)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
          .returning('id')
          .executeTakeFirst();
        if (booked) return { lockedUntil: null };
        const lock = await db.selectFrom('users').select('locked_until').where('id', '=', id).executeTakeFirst();
        // Unlocked (or run out) between the two statements: book again.
        if (lock?.locked_until && lock.locked_until > now()) return { lockedUntil: lock.locked_until };
        if (!lock) return { lockedUntil: null };
      }
    },

    async clearFailures(id: number): Promise<void> {
      await db.updateTable('users').set({ login_failures: 0, locked_until: null }).where('id', '=', id).execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
