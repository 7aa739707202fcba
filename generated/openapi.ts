// Generated from openapi.yaml by `npm run generate`. Do not edit.

export interface paths {
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
    "/api/v1/user/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller and a page of users */
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
         *     A disabled user answers errCode 1007 once the password is right.
         */
        post: operations["login"];
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
         * @description Creates a user with the `user` role. Business failures answer HTTP 200 with errCode 1004.
         *     Of many concurrent registrations of one name, exactly one succeeds.
         */
        post: operations["register"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Credentials: {
            /** Format: password */
            password: string;
            /** @description Leading and trailing spaces are trimmed; empty after trimming is errCode 1004. */
            username: string;
        };
        EmptyObject: Record<string, never>;
        ErrorEnvelope: {
            data: components["schemas"]["EmptyObject"];
            /** @description One of the codes under `x-errors`. */
            errCode: number;
            errMsg: string;
        };
        LoginFailure: {
            data: components["schemas"]["EmptyObject"];
            /** @enum {integer} */
            errCode: 1003 | 1007;
            /** @enum {string} */
            errMsg: "user name or password error" | "user has been disabled";
        };
        LoginSuccess: {
            data: {
                role: components["schemas"]["Role"];
                /** @description HS512 JWT; claims user_id, username, user_role, iat, exp, iss. */
                token: string;
                username: string;
            };
            /** @enum {integer} */
            errCode: 1000;
            /** @enum {string} */
            errMsg: "login success";
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
            permission_id: number;
            updatedAt: components["schemas"]["Timestamp"];
        };
        /**
         * Format: date-time
         * @description RFC 3339, UTC.
         */
        Timestamp: string;
        User: {
            createdAt: components["schemas"]["Timestamp"];
            id: number;
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
                page: number;
                pageSize: number;
                total: number;
                user: components["schemas"]["User"];
            };
            /** @enum {integer} */
            errCode: 0;
            errMsg: string;
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
        /** @description Too many password hashes queued; retry after the seconds in `Retry-After` (errCode 1016). */
        Busy: {
            headers: {
                "Retry-After"?: number;
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
        /** @description No token, or one that is invalid, expired, or whose user is gone or disabled (errCode 1008). */
        Unauthorized: {
            headers: {
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
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
    listUsers: {
        parameters: {
            query?: {
                /** @description Case-insensitive substring of the username. */
                keyword?: string;
                page?: number;
                pageSize?: number;
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
            500: components["responses"]["InternalError"];
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
                    "application/json": components["schemas"]["LoginSuccess"] | components["schemas"]["LoginFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
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
            500: components["responses"]["InternalError"];
            503: components["responses"]["Busy"];
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
}
