-- The urgent path: care-team assignments numbered per member, plans suspended by a red flag until a
-- clinician has looked, red-flag symptoms reported on their own, and intakes that need a review.

-- Every assignment of a member increases this number (1, 2, ...); CareTeamAssigned carries it so that
-- consumers keep the newest assignment whatever order they apply events in.
alter table care_assignment add column sequence bigint not null default 1;

-- An intake with no safe session for the member gives no plan but a clinician's review.
alter table intake drop constraint intake_outcome_check;
alter table intake add constraint intake_outcome_check check (outcome in ('REFERRED', 'PLAN_CREATED', 'NEEDS_REVIEW'));
alter table intake add column review_reason text;

-- Each suspension of a member's plan and its resumption; at most one is open (not resumed) per
-- member. sequence and resumed_sequence share one per-member numbering (PlanSuspended, PlanResumed).
create table plan_suspension (
    id                  uuid primary key,
    member_id           text        not null,
    plan_version        int         not null,
    sequence            bigint      not null,
    cause               text        not null check (cause in ('INTAKE', 'SESSION', 'SYMPTOM_REPORT')),
    red_flags           text[]      not null,
    source_id           uuid        not null,
    suspended_at        timestamptz not null,
    resumed_sequence    bigint,
    resumed_at          timestamptz,
    resumed_by          text,
    resumed_how         text check (resumed_how in ('RESUMED', 'TAILORED')),
    resumed_version     int,
    resume_note         text,
    unique (member_id, sequence)
);
create unique index plan_suspension_open on plan_suspension (member_id) where resumed_at is null;

-- Red-flag symptoms a member reported without a session; the client's report id is the idempotency key.
create table symptom_report (
    member_id       text        not null,
    report_id       uuid        not null,
    reported_at     timestamptz not null,
    received_at     timestamptz not null,
    red_flags       text[]      not null,
    note            text,
    request_hash    text        not null,
    plan_suspended  boolean     not null,
    primary key (member_id, report_id)
);
create index symptom_report_member_time on symptom_report (member_id, reported_at desc);
