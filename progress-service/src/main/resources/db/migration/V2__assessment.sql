-- Weekly assessments of members' plan weeks, which routine-service adapts plans from.

-- Exercises skipped in a session, and why (only sessions with skips have rows).
create table session_skip (
    member_id       text    not null,
    session_id      uuid    not null,
    slug            text    not null,
    reason          text    not null,
    primary key (member_id, session_id, slug)
);

-- Every assessment published. At most one REGULAR (week ended or completed) and one EARLY
-- (safety signal) per member, plan version and plan week.
create table assessment (
    id              uuid primary key,
    member_id       text        not null,
    plan_version    int         not null,
    week_start      date        not null,
    kind            text        not null check (kind in ('REGULAR', 'EARLY')),
    trigger         text        not null,
    created_at      timestamptz not null,
    payload         jsonb       not null
);
create unique index assessment_once_per_week on assessment (member_id, plan_version, week_start, kind);
