// Generated from openapi.yaml by `npm run generate`. Do not edit.

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log, newest first
         * @description Who changed which user, role or setting, when, and from which address.
         */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's IP address and port
         * @description `IP:port` of the caller's socket (IPv6 addresses in brackets). With `TRUST_PROXY` set, the forwarded
         *     client address; its port is not forwarded by proxies and is reported as `0`.
         */
        get: operations["getAddress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description Answers without touching the database.
         */
        get: operations["ping"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness check
         * @description Runs a query on the database: 200 when it answers, 503 (errCode 1023) when it cannot be reached. Point
         *     a load balancer's health check here; `ping` answers without the database.
         */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A page of roles
         * @description Roles with their permissions, a page at a time, in id order.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Create a role
         * @description A new role holding the listed permissions; the code must be unique.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/role/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a role's name, description or permissions
         * @description The built-in `admin` role always holds every permission; its permissions cannot be changed.
         */
        put: operations["updateRole"];
        post?: never;
        /**
         * Delete a role
         * @description Refused while any user holds it (errCode 1021) and for the built-in roles (errCode 1022).
         */
        delete: operations["deleteRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/safe/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The security settings
         * @description The settings that govern lockout, password length and expiry, and registration.
         */
        get: operations["getSecuritySettings"];
        put?: never;
        /**
         * Change some or all of the security settings
         * @description Fields left out keep their current value; the answer is the complete settings after the change.
         */
        post: operations["updateSecuritySettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete users
         * @description Soft-deletes every listed user, or none: when any id is not a live user, nothing is deleted and the
         *     error names the missing ids. The last enabled administrator cannot be deleted (errCode 1020).
         */
        delete: operations["deleteUsers"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user by id
         * @description Your own account, or any account with `user:read`.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/loginRecords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's login attempts, newest first
         * @description Your own, or any user's with `audit:read`.
         */
        get: operations["listLoginRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/resetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user's password (administrator)
         * @description Sets a new password that the user must change at their next login (until then every operation but
         *     changePassword and logout answers errCode 1011). Ends the user's sessions and unlocks the account.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assign a role to a user
         * @description Ends the user's sessions, so the next token carries the new role. Taking the administrator role from
         *     the last enabled administrator is refused (errCode 1020).
         */
        put: operations["setUserRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's sessions, newest first
         * @description Where the user is signed in: each successful login starts a session, which its token names, until it
         *     expires, is ended, or the account's sessions all end (logout of a token from before sessions, password
         *     change or reset, disable, role change, delete). Your own, or any user's with `user:write`. `current`
         *     marks the session of the token that asks.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        /**
         * End a user's sessions, all but the caller's own
         * @description Your own other sessions (signed in elsewhere), or every session of another user with `user:write`.
         *     Their tokens answer 401 at once, on every instance. `ended` counts them.
         */
        delete: operations["endSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one session
         * @description Its token answers 401 at once, on every instance; the user's other sessions go on. Your own, or any
         *     user's with `user:write`. Ending your current session is logging out.
         */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's personal access tokens, newest first
         * @description The unexpired tokens of the user, without their secrets (shown once, when a token is created): name,
         *     scopes, expiry and last use. Your own, or any user's with `user:write`.
         */
        get: operations["listAccessTokens"];
        put?: never;
        /**
         * Create a personal access token
         * @description A token for scripts and CI, so they hold neither a password nor a login's token. The answer carries
         *     its `secret`, once: only a hash of it is stored. `scopes` are permissions your role holds (errCode 1031
         *     otherwise; none is allowed, for a token that only reads and changes your own account); the token acts
         *     with those of them your role still holds when it is used. `expiresAt` is required, in the future and
         *     at most `accessTokenMaxDays` away (errCode 1032). A user holds at most 100 unexpired tokens (errCode
         *     1033). Your own account only: a token's secret is for its owner.
         */
        post: operations["createAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/tokens/{patId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a personal access token
         * @description The token answers 401 at once, on every instance. Your own, or any user's with `user:write`.
         */
        delete: operations["revokeAccessToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock an account locked by failed logins
         * @description Clears the failed-login counter and any lockout of the user, so the next login is judged on the password alone.
         */
        post: operations["unlockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/changePassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description Needs the current password (a wrong one answers errCode 1003, as login does) and a new one that meets
         *     the password policy. Every token of the account stops working; log in again. Allowed while the
         *     password is expired.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller and a page of users
         * @description Holders of `user:read` see every user in `items`; others see only themselves.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in and receive a token
         * @description Wrong password and unknown user answer the same bytes (errCode 1003) in about the same time.
         *     A disabled user answers errCode 1007 once the password is right. After `loginFail` consecutive
         *     failures the account is locked for `lockTime` minutes: errCode 1010 with `lockedUntil`, even for the
         *     right password. A success resets the count. `passwordExpired` is true when the password has expired
         *     or was reset by an administrator: the token then only serves changePassword and logout.
         *     Each success starts a session (listSessions) that the token names: ending it ends the token.
         *     A password hash imported from the original system (bcrypt) is replaced by argon2id on a successful login.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Ends the session of the presented token: the token answers 401 at once, on every instance, and the
         *     account's other sessions go on. A token from before sessions existed names none: logging out with it
         *     revokes every token of the account (tokens carry the account's token version, which it advances).
         *     Allowed while the password is expired.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a user
         * @description Creates a user with the `user` role. Business failures answer HTTP 200 with errCode 1004: an empty
         *     name or password, a name taken, a password shorter than the policy's `passwordMinLength`, or
         *     registration closed by the `allowRegistration` setting. Of many concurrent registrations of one name,
         *     exactly one succeeds.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable or disable a user
         * @description Disabling ends the user's sessions. The last enabled administrator cannot be disabled (errCode 1020).
         */
        post: operations["updateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The administrator's console
         * @description A page that signs in and manages accounts, roles, settings and the audit log through this API, with the
         *     client typed from this document. It loads only the two files below: no inline script or style, nothing
         *     from another origin (the empty icon is a data: URL, so that the browser asks for no /favicon.ico).
         */
        get: operations["getConsole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/console.css": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The console's style sheet
         * @description The console's style sheet.
         */
        get: operations["getConsoleStyle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/console.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The console's script
         * @description The console, built by esbuild from `src/console/` (Preact and the typed client included).
         */
        get: operations["getConsoleScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Interactive API reference
         * @description Swagger UI, served from this server (no CDN), rendering `/openapi.json`; "Try it out" sends requests to
         *     this instance, with the token given under "Authorize".
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{script}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script of the reference page
         * @description Swagger UI's bundle (from the swagger-ui-dist package) and the page's own script.
         */
        get: operations["getDocsScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/swagger-ui.css": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The style sheet of the reference page
         * @description Swagger UI's style sheet, from the swagger-ui-dist package.
         */
        get: operations["getDocsStyle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Prometheus text exposition: `http_request_duration_seconds` (histogram, labelled by operationId as
         *     `route`, `method` and `status_code`) and the process metrics of prom-client.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document, in JSON
         * @description The same document as `getSpecYaml`, as JSON.
         */
        get: operations["getSpecJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document, in YAML
         * @description openapi.yaml as it is on disk, except that `servers` names the instance that answers.
         */
        get: operations["getSpecYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A personal access token, without its secret. Its last use is written at most every five minutes, not
         *     on every request.
         */
        AccessToken: {
            createdAt: components["schemas"]["Timestamp"];
            expiresAt: components["schemas"]["Timestamp"];
            id: number;
            /**
             * Format: date-time
             * @description When a request last used it; null until one does.
             */
            lastUsedAt: string | null;
            /** @description The address that request came from; null until one does. */
            lastUsedIp: string | null;
            name: string;
            scopes: components["schemas"]["PermissionSet"];
        };
        /**
         * Access token lifetime limit
         * Format: int32
         * @description The furthest a new personal access token's expiry may be; tokens created before a change keep theirs.
         */
        AccessTokenMaxDays: number;
        AccessTokenPage: {
            items: components["schemas"]["AccessToken"][];
            nextCursor: components["schemas"]["NextCursor"];
            page: number;
            pageSize: number;
            total: number;
            totalExact: components["schemas"]["TotalExact"];
        };
        /**
         * Open registration
         * @description Whether `register` is open to anyone.
         */
        AllowRegistration: boolean;
        /**
         * @description What was done. The actions known to this version are listed in `x-extensible-enum`; later minor versions
         *     add actions as features are added, so a client must accept one it does not know (show it as it comes).
         */
        AuditAction: string;
        AuditEntry: {
            action: components["schemas"]["AuditAction"];
            /** @description Who did it; null for the server itself (start-up bootstrap, the CLI). */
            actor: {
                id: number;
                username: string;
            } | null;
            at: components["schemas"]["Timestamp"];
            /** @description The values set (never a password). */
            detail: {
                [key: string]: unknown;
            };
            id: number;
            /** @description The actor's address; empty for the server itself. */
            ip: string;
            /** @description What was changed, as `user:<id>`, `role:<id>` or `settings`. */
            target: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: components["schemas"]["NextCursor"];
            page: number;
            pageSize: number;
            total: number;
            totalExact: components["schemas"]["TotalExact"];
        };
        /**
         * Audit log retention
         * Format: int32
         * @description Days an audit entry is kept; older ones are removed in small batches about once a minute. 0 keeps them all.
         */
        AuditRetentionDays: number;
        CreatedAccessToken: {
            accessToken: components["schemas"]["AccessToken"];
            /** @description The token, shown this once; send it as any token is sent. */
            secret: string;
        };
        Credentials: {
            /** Format: password */
            password: string;
            /** @description Leading and trailing spaces are trimmed; empty after trimming is errCode 1004. */
            username: string;
        };
        EmptyObject: Record<string, never>;
        EmptySuccess: {
            data: components["schemas"]["EmptyObject"];
            /** @enum {integer} */
            errCode: 0;
            errMsg: string;
        };
        ErrorEnvelope: {
            data: components["schemas"]["EmptyObject"];
            /** @description One of the codes under `x-errors`. */
            errCode: number;
            errMsg: string;
        };
        /**
         * Format: int32
         * @description Ids are 32-bit on both databases (a PostgreSQL `serial` column); a larger one is refused as malformed.
         */
        Id: number;
        /**
         * Lockout duration
         * Format: int32
         * @description Minutes an account stays locked.
         */
        LockTime: number;
        /**
         * Failed logins before lockout
         * Format: int32
         * @description Consecutive failed logins that lock an account; 0 turns lockout off.
         */
        LoginFail: number;
        LoginFailure: {
            data: components["schemas"]["EmptyObject"];
            /** @enum {integer} */
            errCode: 1003 | 1007;
            /** @enum {string} */
            errMsg: "user name or password error" | "user has been disabled";
        };
        LoginLocked: {
            data: {
                lockedUntil: components["schemas"]["Timestamp"];
            };
            /** @enum {integer} */
            errCode: 1010;
            /** @enum {string} */
            errMsg: "account locked";
        };
        LoginRecord: {
            at: components["schemas"]["Timestamp"];
            id: number;
            ip: string;
            /** @enum {string} */
            reason: "ok" | "wrong_password" | "locked" | "disabled";
            success: boolean;
            userAgent: string;
        };
        LoginRecordPage: {
            items: components["schemas"]["LoginRecord"][];
            nextCursor: components["schemas"]["NextCursor"];
            page: number;
            pageSize: number;
            total: number;
            totalExact: components["schemas"]["TotalExact"];
        };
        /**
         * Login record retention
         * Format: int32
         * @description Days a login record is kept; older ones are removed in small batches about once a minute. 0 keeps them all.
         */
        LoginRecordRetentionDays: number;
        LoginSuccess: {
            data: {
                /** @description The password must be changed before the token serves anything but changePassword and logout. */
                passwordExpired: boolean;
                role: components["schemas"]["Role"];
                /** @description HS512 JWT; claims user_id, username, user_role, ver, sid (the session), iat, exp, iss. */
                token: string;
                username: string;
            };
            /** @enum {integer} */
            errCode: 1000;
            /** @enum {string} */
            errMsg: "login success";
        };
        NewAccessToken: {
            /**
             * Format: date-time
             * @description RFC 3339; stored and answered in UTC.
             */
            expiresAt: string;
            /** @description What the token is for; need not be unique. */
            name: string;
            scopes: components["schemas"]["PermissionSet"];
        };
        /** @description Send it back as `cursor` for the rows after this page; null after the last row. */
        NextCursor: string | null;
        /**
         * Password lifetime
         * Format: int32
         * @description Days a password stays valid after it is set; -1 (or 0) means it never expires.
         */
        PasswordExpire: number;
        /**
         * Minimum password length
         * Format: int32
         * @description Minimum length of a new password (register, changePassword, resetPassword, create-admin).
         */
        PasswordMinLength: number;
        /**
         * @description What a role may do. The administrator role holds all of them; others hold what is granted.
         *     - `user:read`: see every user, not only yourself
         *     - `user:write`: enable, disable, delete and unlock users, assign roles, reset passwords
         *     - `role:read`: list roles
         *     - `role:write`: create, change and delete roles
         *     - `system:read`: read the security settings
         *     - `system:write`: change the security settings
         *     - `audit:read`: read the audit log and every user's login records
         * @enum {string}
         */
        Permission: "user:read" | "user:write" | "role:read" | "role:write" | "system:read" | "system:write" | "audit:read";
        PermissionSet: components["schemas"]["Permission"][];
        ReadySuccess: {
            data: {
                /**
                 * @description The dialect in use.
                 * @enum {string}
                 */
                database: "sqlite" | "postgres";
            };
            /** @enum {integer} */
            errCode: 0;
            /** @enum {string} */
            errMsg: "ready";
        };
        RegisterFailure: {
            data: components["schemas"]["EmptyObject"];
            /** @enum {integer} */
            errCode: 1004;
            errMsg: string;
        };
        RegisterSuccess: {
            data: components["schemas"]["User"];
            /** @enum {integer} */
            errCode: 0;
            /** @enum {string} */
            errMsg: "register success";
        };
        Role: {
            code: string;
            createdAt: components["schemas"]["Timestamp"];
            desc: string;
            id: number;
            name: string;
            /** @description Kept for compatibility with the original; always 0. */
            permission_id: number;
            permissions: components["schemas"]["PermissionSet"];
            updatedAt: components["schemas"]["Timestamp"];
        };
        /** @description Lower-case identifier, unique among roles. */
        RoleCode: string;
        RoleName: string;
        RolePage: {
            items: components["schemas"]["Role"][];
            nextCursor: components["schemas"]["NextCursor"];
            page: number;
            pageSize: number;
            total: number;
            totalExact: components["schemas"]["TotalExact"];
        };
        RoleSuccess: {
            data: components["schemas"]["Role"];
            /** @enum {integer} */
            errCode: 0;
            /** @enum {string} */
            errMsg: "success";
        };
        SecuritySettings: {
            /** @default 90 */
            accessTokenMaxDays: components["schemas"]["AccessTokenMaxDays"];
            /** @default true */
            allowRegistration: components["schemas"]["AllowRegistration"];
            /** @default 365 */
            auditRetentionDays: components["schemas"]["AuditRetentionDays"];
            /** @default 30 */
            lockTime: components["schemas"]["LockTime"];
            /** @default 3 */
            loginFail: components["schemas"]["LoginFail"];
            /** @default 90 */
            loginRecordRetentionDays: components["schemas"]["LoginRecordRetentionDays"];
            /** @default -1 */
            passwordExpire: components["schemas"]["PasswordExpire"];
            /** @default 8 */
            passwordMinLength: components["schemas"]["PasswordMinLength"];
        };
        SecuritySettingsSuccess: {
            data: components["schemas"]["SecuritySettings"];
            /** @enum {integer} */
            errCode: 0;
            /** @enum {string} */
            errMsg: "success";
        };
        /**
         * @description A sign-in: where and with what it was made, when a request last used it (written at most every five
         *     minutes, not on every request), and when it expires (with its token).
         */
        Session: {
            createdAt: components["schemas"]["Timestamp"];
            /** @description Whether it is the session of the token that asks. */
            current: boolean;
            expiresAt: components["schemas"]["Timestamp"];
            id: number;
            /** @description The address the login came from. */
            ip: string;
            lastUsedAt: components["schemas"]["Timestamp"];
            /** @description The login's User-Agent, up to 512 characters. */
            userAgent: string;
        };
        SessionPage: {
            items: components["schemas"]["Session"][];
            nextCursor: components["schemas"]["NextCursor"];
            page: number;
            pageSize: number;
            total: number;
            totalExact: components["schemas"]["TotalExact"];
        };
        /**
         * Format: date-time
         * @description RFC 3339, UTC.
         */
        Timestamp: string;
        /** @description Whether `total` is the exact count; false when a keyword matches over 10,000 rows (`total` is then 10000). */
        TotalExact: boolean;
        User: {
            createdAt: components["schemas"]["Timestamp"];
            id: number;
            /**
             * Format: date-time
             * @description Until when failed logins keep the account locked; null when it is not locked.
             */
            lockedUntil: string | null;
            role: components["schemas"]["Role"];
            role_id: number;
            /** @description true when the user is enabled. */
            status: boolean;
            /** Format: uuid */
            uid: string;
            updatedAt: components["schemas"]["Timestamp"];
            username: string;
        };
        UserListSuccess: {
            data: {
                items: components["schemas"]["User"][];
                nextCursor: components["schemas"]["NextCursor"];
                page: number;
                pageSize: number;
                total: number;
                totalExact: components["schemas"]["TotalExact"];
                user: components["schemas"]["User"];
            };
            /** @enum {integer} */
            errCode: 0;
            errMsg: string;
        };
        UserSuccess: {
            data: components["schemas"]["User"];
            /** @enum {integer} */
            errCode: 0;
            /** @enum {string} */
            errMsg: "success";
        };
    };
    responses: {
        /** @description The request does not match the contract (errCode 1002); the message names the field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The change would leave no enabled administrator (errCode 1020), the role code is taken (1018), the role
         *     is held by users (1021), or the role is built in (1022).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The server runs with `CONSOLE=false` (errCode 1012). */
        ConsoleOff: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The server runs with `DOCS=false` (errCode 1012). */
        DocsOff: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The caller's role lacks the permission the operation states under `x-permission` (errCode 1009), or the
         *     caller's password has expired or was reset and must be changed first (errCode 1011), or the operation
         *     is `x-session-only` and the caller presented a personal access token (errCode 1030).
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description An unexpected fault (errCode 1001); the body never carries a stack trace or SQL. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The route exists with other methods, listed in `Allow` (errCode 1013). */
        MethodNotAllowed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No such route (errCode 1012). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The body is over 1 MiB (errCode 1014). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No role with that id (errCode 1006). */
        RoleNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The operation is `x-session-only` and the caller presented a personal access token. */
        SessionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description More attempts from this address than `LOGIN_RATE_LIMIT` per minute (errCode 1017). */
        TooManyRequests: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No token, or one that is invalid, expired, or whose user is gone or disabled (errCode 1008). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description Not served now; retry after the seconds in `Retry-After`: too many password hashes are queued
         *     (errCode 1016), or the database cannot be reached or did not grant a lock within 5 s (errCode 1023).
         */
        Unavailable: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The body is not `application/json` (errCode 1015). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No live user with that id or name (errCode 1005); the message names the missing ids. */
        UserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description No live user (errCode 1005) or no role (errCode 1006) with that id. */
        UserOrRoleNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
         *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
         *     not issue answers 400, errCode 1027.
         */
        Cursor: string;
        IdPath: components["schemas"]["Id"];
        /**
         * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
         *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
         */
        Page: number;
        PageSize: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAudit: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditPage"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "success";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's address. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": "pong";
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadySuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Case-insensitive substring of the role's name or code. */
                keyword?: string;
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of roles, ordered by id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RolePage"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "success";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: components["schemas"]["RoleCode"];
                    /** @description Empty when left out. */
                    desc?: string;
                    name: components["schemas"]["RoleName"];
                    permissions: components["schemas"]["PermissionSet"];
                };
            };
        };
        responses: {
            /** @description The role created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    desc?: string;
                    name?: components["schemas"]["RoleName"];
                    permissions?: components["schemas"]["PermissionSet"];
                };
            };
        };
        responses: {
            /** @description The role as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RoleNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptySuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["RoleNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSecuritySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings in force on every instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecuritySettingsSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateSecuritySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accessTokenMaxDays?: components["schemas"]["AccessTokenMaxDays"];
                    allowRegistration?: components["schemas"]["AllowRegistration"];
                    auditRetentionDays?: components["schemas"]["AuditRetentionDays"];
                    lockTime?: components["schemas"]["LockTime"];
                    loginFail?: components["schemas"]["LoginFail"];
                    loginRecordRetentionDays?: components["schemas"]["LoginRecordRetentionDays"];
                    passwordExpire?: components["schemas"]["PasswordExpire"];
                    passwordMinLength?: components["schemas"]["PasswordMinLength"];
                };
            };
        };
        responses: {
            /** @description The settings as they are now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecuritySettingsSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ids: components["schemas"]["Id"][];
                };
            };
        };
        responses: {
            /** @description The ids deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: components["schemas"]["Id"][];
                        };
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "deleted";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listLoginRecords: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of login records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["LoginRecordPage"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "success";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: password */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    setUserRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role_id: components["schemas"]["Id"];
                };
            };
        };
        responses: {
            /** @description The user with the role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserOrRoleNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SessionPage"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "success";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    endSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sessions ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            ended: number;
                        };
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "sessions ended";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
                sessionId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptySuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No live user with that id, or no live session of theirs with that id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAccessTokens: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of access tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AccessTokenPage"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "success";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    createAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAccessToken"];
            };
        };
        responses: {
            /** @description Created; the secret is in the answer and nowhere else. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedAccessToken"];
                        /** @enum {integer} */
                        errCode: 0;
                        /** @enum {string} */
                        errMsg: "access token created";
                    };
                };
            };
            /**
             * @description The body does not match this document (errCode 1002), a scope is not a permission of your role
             *     (errCode 1031), or the expiry is past or beyond `accessTokenMaxDays` (errCode 1032).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            /** @description You hold 100 unexpired access tokens already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    revokeAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
                /** @description The access token's id (listAccessTokens). */
                patId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptySuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No live user with that id, or no unexpired access token of theirs with that id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    unlockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user, unlocked, failure count reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: password */
                    new_password: string;
                    /** Format: password */
                    old_password: string;
                };
            };
        };
        responses: {
            /** @description Changed, or the old password is wrong (errCode 1003). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptySuccess"] | {
                        data: components["schemas"]["EmptyObject"];
                        /** @enum {integer} */
                        errCode: 1003;
                        /** @enum {string} */
                        errMsg: "user name or password error";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SessionRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /**
                 * @description The `nextCursor` of the previous answer (opaque): the page starts after the row it names, in the list's
                 *     order, whatever was added or deleted meanwhile. `page` is then not used. A cursor that this server did
                 *     not issue answers 400, errCode 1027.
                 */
                cursor?: components["parameters"]["Cursor"];
                /** @description Case-insensitive substring of the username. */
                keyword?: string;
                /**
                 * @description The page to answer, counted from 1. `page` × `pageSize` may be at most `x-max-result-window` (10,000):
                 *     a deeper page answers 400, errCode 1026; continue with `cursor` instead. Not used with `cursor`.
                 */
                page?: components["parameters"]["Page"];
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller and a page of users, ordered by id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description A token, or why not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginSuccess"] | components["schemas"]["LoginFailure"] | components["schemas"]["LoginLocked"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptySuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["SessionRequired"];
            413: components["responses"]["PayloadTooLarge"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description The user created, or why not. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterSuccess"] | components["schemas"]["RegisterFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true to enable, false to disable. */
                    status: boolean;
                    username: string;
                };
            };
        };
        responses: {
            /** @description The user as it is now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSuccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
    getConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["ConsoleOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getConsoleStyle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The style sheet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["ConsoleOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getConsoleScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["ConsoleOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["DocsOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getDocsScript: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                script: "swagger-ui-bundle.js" | "docs.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["DocsOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getDocsStyle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The style sheet. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["DocsOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    getSpecJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        info: {
                            [key: string]: unknown;
                        };
                        /** @enum {string} */
                        openapi: "3.0.3";
                        paths: {
                            [key: string]: unknown;
                        };
                        servers?: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["DocsOff"];
            500: components["responses"]["InternalError"];
        };
    };
    getSpecYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["DocsOff"];
            500: components["responses"]["InternalError"];
        };
    };
}
