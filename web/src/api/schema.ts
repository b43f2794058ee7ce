/**
 * Generated from docs/openapi.json by infra/web-api-types.ts (`npm run openapi`): do not edit.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: 200 when the table answers
         * @description No token: it holds no data.
         */
        get: operations["getHealth"];
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
         * This document (OpenAPI 3.1)
         * @description Generated at build time from the zod schemas and the route table (`npm run openapi`).
         *
         *     No token: it serves the API description generated at build time (docs/openapi.json): no tenant data, and its function has no table access.
         */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The park's staff directory
         * @description Roles: dispatcher, staff, security, office, manager, executive.
         */
        get: operations["getStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A park's tickets, newest first (overdue: oldest first), filtered; `cursor` pages on; `format=csv` the register as a spreadsheet
         * @description Each list is a Query on the index of its most selective filter (number > phone > unit > assigneeId > overdue > severity > department > status > kind > park; ADR 020); `from`/`to` narrow it by the time opened (a park-local date is that whole day in the park's zone; `to` is inclusive). The other filters are checked on each ticket read, and a page stops after a read budget: **a page may hold fewer than `limit` tickets (even none) and still carry a `cursor`**: follow the cursor until it is absent. `status` without `kind` works when one kind has that status (or another filter is given). `phone` is for the desk and management (403 `FILTER.PHONE_NOT_ALLOWED` otherwise).
         *
         *     Examples: `?from=2026-11-01&to=2026-11-30&kind=complaint&department=engineering`, `?unit=3-2-1502`, `?assigneeId=technician-1&status=assigned&kind=repair`, `?overdue=true`, `?phone=13800000001`, `?number=R20261127-003`.
         *
         *     `format=csv` (or `Accept: text/csv`; action `records.export`): every page under the same filters as one UTF-8 CSV with a BOM, Chinese headers, park-local times, phones masked as the reader sees them; more than 2000 rows (or 5500000 bytes) is 422 `EXPORT.TOO_MANY_ROWS`: narrow `from`/`to`.
         *
         *     Roles: dispatcher, staff, security, office, manager, executive.
         */
        get: operations["getTickets"];
        put?: never;
        /**
         * Open a ticket of any kind (repair, complaint, emergency, key, move-in)
         * @description With an `Idempotency-Key` header a copy of the request gets the first answer again. Without one, the caller's repeated request joins their open ticket of the kind (200 with `duplicateOf`, ADR 011).
         *
         *     Roles: dispatcher, office, manager, executive.
         */
        post: operations["postTickets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One ticket with `allowedCommands`, its timers and its whole timeline
         * @description Roles: dispatcher, staff, security, office, manager, executive.
         */
        get: operations["getTicketsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * RP-2 for a received repair: dispatch, appointment or decline
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandDecide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign the work to a member of staff (SMS to them)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager, staff. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge: a repair taken, a complaint step signed (CH-4, CH-5, CH-8), an emergency answered (EM-2)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: staff, dispatcher, manager; complaint: dispatcher, staff, security, office, manager, executive; emergency: dispatcher, staff, security, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandAcknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete: a repair with its service slip, a move-in once every step is recorded
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: staff, dispatcher, manager; move-in: office, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the ticket
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager; emergency: dispatcher, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/grade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CH-1/CH-2: the dispatcher grades a received complaint and hands it off
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandGrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-4/DS-5: a follow-up note
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandFollowUps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CH-7: a clear answer to the resident (major complaints)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-6: the complaint is handled, confirmed by someone
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, staff, security, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CH-6: the callback to the resident
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/service-slip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-6: the signed service slip; closes the complaint after the callback
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandServiceSlip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/regrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CH-1: correct a handed-off complaint: validity, severity or department (clocks re-derived)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: complaint: dispatcher, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandRegrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/on-scene": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-3: the responder is on the scene
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, staff, security, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandOnScene"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-3: a report from the scene
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, staff, security, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-4: hand the emergency over to a successor
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandHandOver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/accept-handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-4: the named successor takes it over
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandAcceptHandover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/instructions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-5: management's instructions, with a due time
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandInstructions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/instruction-done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-5: an instruction carried out
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: dispatcher, staff, security, office, manager, executive. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandInstructionDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * EM-6: the office manager signs off
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: emergency: manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandSignOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * KY-2: the check that fits the requester type
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: key: office, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/issue-slip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * KY-3: the key slip (《物业部钥匙领用条》)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: key: office, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandIssueSlip"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/hand-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * KY-4: the key leaves the cabinet
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: key: security, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandHandOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * KY-4: the key is back
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: key: security, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a key request or a repair (a correction, CH-11)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager, executive, staff; key: office, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repairs: move a booked appointment (clocks re-derived, the technician texted)
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager, executive, staff. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandReschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repairs: the resident calls back, not fixed: back to dispatch
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: repair: dispatcher, manager, executive, staff. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/record-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * MI-1..MI-8: record one move-in step with its data
         * @description One route in the route table (POST /tickets/{id}/{command}); the ticket's kind decides what the step does. Roles by kind: move-in: office, security, staff, manager. The kind's rules narrow further (e.g. only the assignee acknowledges a repair) and answer 403 with their own code.
         */
        post: operations["postTicketsIdCommandRecordStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tickets/{id}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ticket's filled form, a printable A4 page in Chinese (issue 13 item 6)
         * @description repair → 《报修派工单》 (RP-5); complaint → 《投诉、维修呈报单》 (CH-4), with `form=record` 《投诉处置记录表》 (CH-6); key request → 《物业部钥匙领用条》 (KY-3, once issued); move-in → the checklist (MI-1..MI-9); emergency → 《紧急或重大事情呈报单》 (EM-1..EM-6). The park, the register number, park-local times, signature lines; what the reader sees is what `GET /tickets/{id}` shows them.
         *
         *     Roles: dispatcher, staff, security, office, manager, executive.
         */
        get: operations["getTicketsIdPrint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/parks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The park with its calendar (zone, office hours, working days, holidays) and limits
         * @description Roles: dispatcher, staff, security, office, manager, executive.
         */
        get: operations["getParksId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The key ledger: each set, where it is, and its history (a Query on an index)
         * @description Roles: dispatcher, security, office, manager, executive.
         */
        get: operations["getKeys"];
        put?: never;
        /**
         * Register a key set in the cabinet (KY-1; MI-7 with the retention agreement)
         * @description Roles: security, office, manager.
         */
        post: operations["postKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One key set with its history and SMS
         * @description Roles: dispatcher, security, office, manager, executive.
         */
        get: operations["getKeysId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/keys/{id}/report-lost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a key set lost (KY-1): SMS to the security manager; never deleted
         * @description Roles: security, office, manager.
         */
        post: operations["postKeysIdReportLost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The monthly summary (DS-8, CH-10): counts, 及时率 from the recorded deadlines, open cases, entries
         * @description Reads the month by index only (ADR 021). `format=csv` answers the spreadsheet (UTF-8 with a BOM), `format=html` the printable 《投诉调度记录月总结表》; times in the park's zone.
         *
         *     Roles: dispatcher, office, manager, executive.
         */
        get: operations["getReportsMonthly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/monthly/{month}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The dispatcher's short report on the month (DS-8); append-only (CH-11)
         * @description Roles: dispatcher, manager.
         */
        post: operations["postReportsMonthlyMonthReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/monthly/{month}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The office manager's comment and signature on the month (DS-8); append-only (CH-11)
         * @description Only the office manager or the office director (管理处负责人) signs; others get 403.
         *
         *     Roles: manager.
         */
        post: operations["postReportsMonthlyMonthSign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/monthly/{month}/corrective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a complaint caused by poor service quality for a 《纠正与预防措施》 report (DS-8)
         * @description Roles: dispatcher, manager.
         */
        post: operations["postReportsMonthlyMonthCorrective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * DS-7: the week's complaints still not handled (or recorded as lacking the means), with the week's entries
         * @description An ISO week, park-local Monday 00:00 to the next Monday 00:00. Each case: number, status, severity, department, what it owes past its deadline, its next deadline, and its entries; `checks` are DS-8's.
         *
         *     Roles: dispatcher, office, manager, executive.
         */
        get: operations["getReviewsWeekly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/weekly/{week}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-7: the dispatcher records a case that cannot be handled or lacks the means (append-only)
         * @description Roles: dispatcher, manager.
         */
        post: operations["postReviewsWeeklyWeekItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/weekly/{week}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-7: the office's head (管理处负责人) confirms a recorded case or decides a new way (append-only)
         * @description Roles: manager.
         */
        post: operations["postReviewsWeeklyWeekDecisions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reviews/weekly/{week}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DS-8: the office manager's signed weekly check of handling quality (append-only)
         * @description Roles: manager.
         */
        post: operations["postReviewsWeeklyWeekCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/work-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * DS-9: the park's 《工作日志》 of one park-local day, in time order (a Query on eventsByParkDay)
         * @description Every intake, hand-off, follow-up, SMS, escalation and key custody change, with its time, number, kind, what happened and who; SMS with the recipient and a masked phone. `format=html`: the printable page (every page of the day up to 2,000 entries). Entries written before the index existed are not in it.
         *
         *     Roles: dispatcher, office, manager, executive.
         */
        get: operations["getWorkLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ack/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page a personal SMS link opens (reads only)
         * @description No login: the signed link in the path is the credential (ADR 012). Answers an HTML page in Chinese.
         *
         *     No token: authenticated by the HMAC-SHA256-signed personal link in the path (shared/domain/ack-link.ts): bound to one person, one ticket and one purpose, with an expiry; a tampered, expired or used link records nothing.
         */
        get: operations["getAckToken"];
        put?: never;
        /**
         * The link page's buttons: record the step the link is for
         * @description No login: the signed link in the path is the credential (ADR 012). Answers an HTML page in Chinese.
         *
         *     No token: authenticated by the HMAC-SHA256-signed personal link in the path (shared/domain/ack-link.ts): bound to one person, one ticket and one purpose, with an expiry; a tampered, expired or used link records nothing.
         */
        post: operations["postAckToken"];
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
        Error: {
            error: {
                code: string;
                message: string;
                field?: string;
            };
        };
        Ticket: {
            id: string;
            parkId: string;
            /** @enum {string} */
            kind: "repair" | "complaint" | "emergency" | "key" | "move-in";
            number?: string;
            /** @enum {string} */
            status: "received" | "dispatched" | "booked" | "declined" | "assigned" | "acknowledged" | "completed" | "closed" | "cancelled" | "handed-off" | "resolved" | "escalating" | "unanswered" | "signed-off" | "requested" | "verified" | "slip-issued" | "handed-out" | "returned" | "lost" | "open";
            version: number;
            createdAt: string;
            updatedAt: string;
            createdBy: {
                staffId: string;
                groups: string[];
                name?: string;
            } & {
                [key: string]: unknown;
            };
            caller?: {
                name: string;
                phone: string;
                unit?: string;
            } & {
                [key: string]: unknown;
            };
            timers: {
                [key: string]: {
                    dueAt: string;
                    state: string;
                } & {
                    [key: string]: unknown;
                };
            };
            assigneeId?: string;
            allowedCommands?: string[];
            timeline?: ({
                type: string;
                at: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        getHealthResponse200: {
            /** @constant */
            status: "ok";
            service: string;
        };
        getOpenapiJsonResponse200: {
            [key: string]: unknown;
        };
        getStaffResponse200: {
            [key: string]: unknown;
        };
        postTicketsBody: {
            /** @constant */
            kind: "repair";
            parkId?: string;
            caller: {
                name: string;
                phone: string;
                unit?: string;
                unitConfirmed?: boolean;
            };
            description: string;
            location: string;
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            wantedAt: string;
            /** @enum {string} */
            decision?: "dispatch" | "appointment" | "decline";
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            appointmentAt?: string;
            declineReason?: string;
            paidService?: {
                fee: number;
                consent: boolean;
            };
            /** @constant */
            allowDuplicate?: true;
        } | {
            /** @constant */
            kind: "complaint";
            parkId?: string;
            caller: {
                name: string;
                phone: string;
                unit?: string;
                unitConfirmed?: boolean;
            };
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            occurredAt: string;
            place: string;
            description: string;
            valid?: boolean;
            /** @enum {string} */
            severity?: "major" | "important" | "minor";
            about?: {
                /** @enum {string} */
                department: "customer-service" | "property-office" | "engineering" | "security" | "cleaning" | "finance" | "management";
            } | {
                staffId: string;
            };
            demand?: string;
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            residentDeadline?: string;
            ongoingHarm?: boolean;
            /** @constant */
            allowDuplicate?: true;
        } | {
            /** @constant */
            kind: "emergency";
            parkId?: string;
            /** @enum {string} */
            category: "public-safety" | "fire" | "accident" | "official";
            location: string;
            description: string;
            caller?: {
                name: string;
                phone: string;
                unit?: string;
                unitConfirmed?: boolean;
            };
            /** @constant */
            allowDuplicate?: true;
        } | {
            /** @constant */
            kind: "key";
            parkId?: string;
            keyId: string;
            requester: {
                /** @enum {string} */
                type: "owner" | "tenant" | "agent" | "other" | "staff";
                name: string;
                phone: string;
                staffId?: string;
            };
            reason: string;
        } | {
            /** @constant */
            kind: "move-in";
            parkId?: string;
            unit: string;
            unitConfirmed?: boolean;
            owner: {
                name: string;
                phone: string;
            };
        };
        postTicketsResponse200: {
            ticket: components["schemas"]["Ticket"];
            script?: {
                [key: string]: string;
            };
            duplicateOf?: string;
        } & {
            [key: string]: unknown;
        };
        postTicketsResponse201: {
            ticket: components["schemas"]["Ticket"];
            script?: {
                [key: string]: string;
            };
            duplicateOf?: string;
        } & {
            [key: string]: unknown;
        };
        getTicketsResponse200: {
            tickets: components["schemas"]["Ticket"][];
            cursor?: string;
        };
        getTicketsIdResponse200: components["schemas"]["Ticket"];
        postTicketsIdCommandDecideBody: {
            /** @enum {string} */
            decision: "dispatch" | "appointment" | "decline";
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            appointmentAt?: string;
            declineReason?: string;
            paidService?: {
                fee: number;
                consent: boolean;
            };
        };
        CommandResponse: {
            ticket: components["schemas"]["Ticket"];
            /** @constant */
            unchanged?: true;
            script?: {
                [key: string]: string;
            };
        };
        postTicketsIdCommandAssignBody: {
            staffId: string;
        };
        postTicketsIdCommandAcknowledgeBody: {
            /** @enum {string} */
            step?: "report-sheet" | "stop-harm" | "supervisor" | "director";
            note?: string;
            staffId?: string;
        };
        postTicketsIdCommandCompleteBody: {
            serviceSlip?: {
                number: string;
                signedBy: string;
            };
            note?: string;
        };
        postTicketsIdCommandCloseBody: {
            instructions?: {
                number: number;
                note: string;
            }[];
        };
        postTicketsIdCommandGradeBody: {
            valid: boolean;
            /** @enum {string} */
            severity?: "major" | "important" | "minor";
            about?: {
                /** @enum {string} */
                department: "customer-service" | "property-office" | "engineering" | "security" | "cleaning" | "finance" | "management";
            } | {
                staffId: string;
            };
            demand?: string;
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            residentDeadline?: string;
            ongoingHarm?: boolean;
        };
        postTicketsIdCommandFollowUpsBody: {
            note: string;
        };
        postTicketsIdCommandReplyBody: {
            note: string;
        };
        postTicketsIdCommandResolveBody: {
            confirmedBy: string;
            /** @enum {string} */
            via: "phone" | "in-person" | "service-slip";
            note?: string;
            override?: {
                reason: string;
            };
        };
        postTicketsIdCommandCallbackBody: {
            /** @enum {string} */
            outcome: "satisfied" | "dissatisfied" | "unreachable";
            note?: string;
        };
        postTicketsIdCommandServiceSlipBody: {
            number: string;
            signedBy: string;
        };
        postTicketsIdCommandRegradeBody: {
            valid?: boolean;
            /** @enum {string} */
            severity?: "major" | "important" | "minor";
            about?: {
                /** @enum {string} */
                department: "customer-service" | "property-office" | "engineering" | "security" | "cleaning" | "finance" | "management";
            } | {
                staffId: string;
            };
            reason: string;
        };
        postTicketsIdCommandOnSceneBody: {
            staffId?: string;
        };
        postTicketsIdCommandReportBody: {
            text: string;
            staffId?: string;
        };
        postTicketsIdCommandHandOverBody: {
            staffId: string;
        };
        postTicketsIdCommandAcceptHandoverBody: Record<string, never>;
        postTicketsIdCommandInstructionsBody: {
            from: string;
            to: string;
            text: string;
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            dueAt: string;
            fromStaffId?: string;
        };
        postTicketsIdCommandInstructionDoneBody: {
            number: number;
            result: string;
        };
        postTicketsIdCommandSignOffBody: {
            comment: string;
        };
        postTicketsIdCommandVerifyBody: {
            idChecked?: boolean;
            /** @enum {string} */
            idType?: "resident-id" | "passport" | "hk-macau-permit" | "taiwan-permit" | "other";
            idLast4?: string;
            ownerCall?: {
                /** @enum {string} */
                outcome: "confirmed" | "refused" | "unreachable";
                note?: string;
                viewingAllowed?: boolean;
            };
            departmentHead?: {
                staffId: string;
                /** @enum {string} */
                outcome: "confirmed" | "refused";
            };
            note?: string;
        };
        postTicketsIdCommandIssueSlipBody: {
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            dueAt?: string;
        };
        postTicketsIdCommandHandOutBody: {
            guardId: string;
            idChecked: boolean;
            escortId?: string;
            /** @enum {string} */
            idType?: "resident-id" | "passport" | "hk-macau-permit" | "taiwan-permit" | "other";
            idLast4?: string;
        };
        postTicketsIdCommandReturnBody: {
            receivedBy: string;
        };
        postTicketsIdCommandCancelBody: {
            reason: string;
        };
        postTicketsIdCommandRescheduleBody: {
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            appointmentAt: string;
            reason: string;
        };
        postTicketsIdCommandReopenBody: {
            reason: string;
        };
        postTicketsIdCommandRecordStepBody: {
            /** @constant */
            step: "developer-confirmation";
            confirmationNo: string;
            documents: string[];
            note?: string;
        } | {
            /** @constant */
            step: "registration";
            idCopied: boolean;
            forms: string[];
            signed: {
                [key: string]: {
                    copies: number;
                    ownerKept: number;
                };
            };
        } | {
            /** @constant */
            step: "items";
            manuals: string[];
            counted: {
                [key: string]: number;
            };
            reasons?: {
                [key: string]: string;
            };
        } | {
            /** @constant */
            step: "fees";
            propertyFee: {
                months: number;
                amount: number;
                receiptNo: string;
            };
            tvFee: {
                amount: number;
                receiptNo: string;
            };
        } | {
            /** @constant */
            step: "keys";
            keyId: string;
            guardId: string;
            slipNumber: string;
            ownerSigned: boolean;
        } | {
            /** @constant */
            step: "inspection";
            inspectorId: string;
            withOwner: boolean;
            defects: {
                location: string;
                description: string;
            }[];
            copies: {
                owner: boolean;
                archive: boolean;
                engineering: boolean;
            };
        } | {
            /** @constant */
            step: "key-retention";
            agreementNo: string;
            slipNo: string;
            label: string;
            count: number;
            tag: string;
            /**
             * Format: date-time
             * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
             */
            signedAt: string;
        } | {
            /** @constant */
            step: "meters";
            coldWater: number;
            hotWater: number;
            ownerSigned: boolean;
        };
        getParksIdResponse200: {
            [key: string]: unknown;
        };
        postKeysBody: {
            parkId?: string;
            unit?: string;
            unitConfirmed?: boolean;
            area?: string;
            label: string;
            count: number;
            tag: string;
            retention?: {
                agreementNo: string;
                ownerName: string;
                /**
                 * Format: date-time
                 * @description an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00
                 */
                signedAt: string;
            };
        };
        postKeysResponse201: {
            [key: string]: unknown;
        };
        getKeysResponse200: {
            [key: string]: unknown;
        };
        getKeysIdResponse200: {
            keySet: {
                id: string;
                parkId: string;
                label: string;
            } & {
                [key: string]: unknown;
            };
        };
        postKeysIdReportLostBody: {
            note?: string;
        };
        postKeysIdReportLostResponse200: {
            keySet: {
                id: string;
                parkId: string;
                label: string;
            } & {
                [key: string]: unknown;
            };
        };
        getReportsMonthlyResponse200: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthReportBody: {
            parkId?: string;
            text: string;
        };
        postReportsMonthlyMonthReportResponse200: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthReportResponse201: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthSignBody: {
            parkId?: string;
            comment: string;
        };
        postReportsMonthlyMonthSignResponse200: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthSignResponse201: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthCorrectiveBody: {
            parkId?: string;
            ticketId: string;
            text: string;
        };
        postReportsMonthlyMonthCorrectiveResponse200: {
            [key: string]: unknown;
        };
        postReportsMonthlyMonthCorrectiveResponse201: {
            [key: string]: unknown;
        };
        getReviewsWeeklyResponse200: {
            [key: string]: unknown;
        };
        postReviewsWeeklyWeekItemsBody: {
            ticketId: string;
            note: string;
        };
        postReviewsWeeklyWeekItemsResponse201: {
            [key: string]: unknown;
        };
        postReviewsWeeklyWeekDecisionsBody: {
            ticketId: string;
            decision: string;
        };
        postReviewsWeeklyWeekDecisionsResponse201: {
            [key: string]: unknown;
        };
        postReviewsWeeklyWeekCheckBody: {
            note: string;
            parkId?: string;
        };
        postReviewsWeeklyWeekCheckResponse201: {
            [key: string]: unknown;
        };
        getWorkLogResponse200: {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the desk answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getHealthResponse200"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getOpenapiJsonResponse200"];
                };
            };
        };
    };
    getStaff: {
        parameters: {
            query?: {
                parkId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the directory: id, name, roles, department, phone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getStaffResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTickets: {
        parameters: {
            query?: {
                parkId?: string;
                kind?: "repair" | "complaint" | "emergency" | "key" | "move-in";
                status?: "received" | "dispatched" | "booked" | "declined" | "assigned" | "acknowledged" | "completed" | "closed" | "cancelled" | "handed-off" | "resolved" | "escalating" | "unanswered" | "signed-off" | "requested" | "verified" | "slip-issued" | "handed-out" | "returned" | "lost" | "open";
                limit?: number;
                cursor?: string;
                overdue?: "true";
                from?: string;
                to?: string;
                department?: "customer-service" | "property-office" | "engineering" | "security" | "cleaning" | "finance" | "management";
                severity?: "major" | "important" | "minor";
                assigneeId?: string;
                unit?: string;
                phone?: string;
                number?: string;
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page; with format=csv the register as a CSV file (attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getTicketsResponse200"];
                    /**
                     * @example 编号,类型,状态,登记时间,来电人,电话,房号,地点,内容,部门,严重程度,负责人,逾期,最后更新,工单ID
                     *     C20261127-001,投诉,已转交,2026-11-27 09:40,李女士,138****0002,,5号楼电梯,电梯停运两天无人处理,工程部,重要,,是,2026-11-27 09:50,01KB3Z8Q5W6M0P4J3N2R1T0V9X
                     */
                    "text/csv": string;
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED, REQUEST.INVALID_CURSOR, REQUEST.KIND_REQUIRED, REQUEST.FILTER_NOT_FOR_KIND, REQUEST.INVALID_RANGE, REQUEST.CURSOR_NOT_FOR_CSV */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN, FILTER.PHONE_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: EXPORT.TOO_MANY_ROWS */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTickets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsBody"];
            };
        };
        responses: {
            /** @description the caller's open ticket, joined (`duplicateOf`), or a replayed answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postTicketsResponse200"];
                };
            };
            /** @description opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postTicketsResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND, KEY.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REPAIR.APPOINTMENT_REQUIRED, REPAIR.PAID_SERVICE_CONSENT_REQUIRED, UNIT.NOT_IN_DIRECTORY */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getTicketsIdResponse200"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandDecide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandDecideBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REPAIR.APPOINTMENT_REQUIRED, REPAIR.APPOINTMENT_IN_PAST, REPAIR.DECLINE_REASON_REQUIRED, REPAIR.PAID_SERVICE_CONSENT_REQUIRED, REPAIR.PAID_SERVICE_FEE_REQUIRED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandAssign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandAssignBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandAcknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandAcknowledgeBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandCompleteBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandCloseBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandGrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandGradeBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandFollowUps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandFollowUpsBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandReplyBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandResolveBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandCallbackBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandServiceSlip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandServiceSlipBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandRegrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandRegradeBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandOnScene: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandOnSceneBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandReportBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandHandOver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandHandOverBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandAcceptHandover: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandAcceptHandoverBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandInstructions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandInstructionsBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandInstructionDone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandInstructionDoneBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandSignOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandSignOffBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandVerify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandVerifyBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandIssueSlip: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandIssueSlipBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandHandOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandHandOutBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandReturn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandReturnBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandCancelBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandReschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandRescheduleBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandReopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandReopenBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTicketsIdCommandRecordStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postTicketsIdCommandRecordStepBody"];
            };
        };
        responses: {
            /** @description the ticket after the step (`unchanged` when it changed nothing; `script` for RP-2/RP-3) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommandResponse"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION, TICKET.CONCURRENT_CHANGE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a limit of the park (ADR 011); `Retry-After` says when to send again. Codes: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTicketsIdPrint: {
        parameters: {
            query?: {
                form?: "work-order" | "report-sheet" | "record" | "key-slip" | "checklist" | "emergency-report";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the form (no script) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, PRINT.FORM_NOT_FOR_KIND */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: PRINT.SLIP_NOT_ISSUED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getParksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the park */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getParksIdResponse200"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKeys: {
        parameters: {
            query?: {
                parkId?: string;
                unit?: string;
                area?: string;
                state?: "in" | "out" | "lost" | "released";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of key sets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getKeysResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED, REQUEST.INVALID_CURSOR, REQUEST.FILTER_CONFLICT */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postKeysBody"];
            };
        };
        responses: {
            /** @description registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postKeysResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, KEY.PLACE_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: KEY.TAG_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: UNIT.NOT_IN_DIRECTORY, KEY.RETENTION_NEEDS_UNIT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getKeysId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the key set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getKeysIdResponse200"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: KEY.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postKeysIdReportLost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postKeysIdReportLostBody"];
            };
        };
        responses: {
            /** @description the key set, lost */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postKeysIdReportLostResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: KEY.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the step may not follow the ticket’s status, or somebody changed it meanwhile. Codes: TICKET.ILLEGAL_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsMonthly: {
        parameters: {
            query: {
                month: string;
                parkId?: string;
                format?: "json" | "csv" | "html";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the summary (`report`), or the CSV / HTML form */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getReportsMonthlyResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED, REPORT.BAD_MONTH */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReportsMonthlyMonthReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReportsMonthlyMonthReportBody"];
            };
        };
        responses: {
            /** @description the same entry, written before (a retry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthReportResponse200"];
                };
            };
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthReportResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REPORT.BAD_MONTH, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REPORT.MONTH_NOT_BEGUN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReportsMonthlyMonthSign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReportsMonthlyMonthSignBody"];
            };
        };
        responses: {
            /** @description the same entry, written before (a retry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthSignResponse200"];
                };
            };
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthSignResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REPORT.BAD_MONTH, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REPORT.MONTH_NOT_BEGUN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReportsMonthlyMonthCorrective: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReportsMonthlyMonthCorrectiveBody"];
            };
        };
        responses: {
            /** @description the same entry, written before (a retry) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthCorrectiveResponse200"];
                };
            };
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReportsMonthlyMonthCorrectiveResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REPORT.BAD_MONTH, REPORT.NOT_A_COMPLAINT, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND, TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REPORT.MONTH_NOT_BEGUN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReviewsWeekly: {
        parameters: {
            query: {
                week: string;
                parkId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the week */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getReviewsWeeklyResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED, REVIEW.BAD_WEEK */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReviewsWeeklyWeekItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReviewsWeeklyWeekItemsBody"];
            };
        };
        responses: {
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReviewsWeeklyWeekItemsResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REVIEW.BAD_WEEK */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REVIEW.NOT_A_COMPLAINT, REVIEW.NOT_IN_WEEK */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReviewsWeeklyWeekDecisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReviewsWeeklyWeekDecisionsBody"];
            };
        };
        responses: {
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReviewsWeeklyWeekDecisionsResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REVIEW.BAD_WEEK */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN, REVIEW.OFFICE_HEAD_ONLY */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: TICKET.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the request breaks a rule of the procedure (its code names the rule). Codes: REVIEW.NOT_A_COMPLAINT, REVIEW.NOT_IN_WEEK, REVIEW.NOT_RECORDED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postReviewsWeeklyWeekCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                week: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["postReviewsWeeklyWeekCheckBody"];
            };
        };
        responses: {
            /** @description the entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["postReviewsWeeklyWeekCheckResponse201"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.MISSING_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.MALFORMED_JSON, REVIEW.BAD_WEEK, REQUEST.PARK_REQUIRED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN, REVIEW.OFFICE_HEAD_ONLY */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is over 64 KB. Codes: REQUEST.TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkLog: {
        parameters: {
            query: {
                date: string;
                parkId?: string;
                format?: "json" | "html";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description one page of the day (JSON), or the printable page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["getWorkLogResponse200"];
                };
            };
            /** @description bad input, naming the field; nothing was changed. Codes: REQUEST.INVALID_FIELD, REQUEST.UNKNOWN_FIELD, REQUEST.PARK_REQUIRED, REQUEST.INVALID_CURSOR, WORK_LOG.BAD_DATE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no bearer token, or not the Cognito ID token. Codes: AUTH.UNAUTHENTICATED, AUTH.ID_TOKEN_REQUIRED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the role may not do this, or a rule bars this person. Codes: AUTH.FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown, or in a park the token may not see (the same answer on purpose). Codes: PARK.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the table is throttled or unreachable; nothing was written; send it again after `Retry-After`. Codes: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description seconds */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAckToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    postAckToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the page, with what was recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
}
