-- progress-service read models, built from routine-service's member events.

-- One row per member: the plan in force. (Latest pain and last activity are read from the
-- member's newest session through session_fact_member_time, so a session writes no profile row.)
create table member_profile (
    member_id           text primary key,
    plan_version        int,
    sessions_per_week   int,
    baseline_pain       int,
    conditions          text[]      not null default '{}',
    clinician_id        text,
    plan_start          date,
    first_plan_start    date,
    referred_at         timestamptz,
    updated_at          timestamptz not null
);
create index member_profile_clinician on member_profile (clinician_id);
create index member_profile_first_start on member_profile (first_plan_start);

-- Sessions per week a member's plans prescribed, from which day on (one row per plan version).
create table plan_prescription (
    member_id           text        not null,
    plan_version        int         not null,
    effective_from      date        not null,
    sessions_per_week   int         not null,
    primary key (member_id, plan_version)
);

-- Every session once (the session id deduplicates redeliveries and replays).
create table session_fact (
    member_id       text        not null,
    session_id      uuid        not null,
    performed_at    timestamptz not null,
    plan_version    int         not null,
    pain_before     smallint    not null,
    pain_during     smallint    not null,
    pain_after      smallint    not null,
    effort          text        not null,
    skipped         smallint    not null,
    skipped_for_pain smallint   not null,
    red_flags       text[]      not null,
    primary key (member_id, session_id)
);
create index session_fact_member_time on session_fact (member_id, performed_at desc);

-- Weekly sums per member (weeks start on Monday, UTC), kept incrementally: a late session
-- adds to its own week.
create table weekly_stats (
    member_id           text    not null,
    week_start          date    not null,
    sessions            int     not null,
    sum_pain_before     int     not null,
    sum_pain_during     int     not null,
    sum_pain_after      int     not null,
    max_pain_during     int     not null,
    too_hard            int     not null,
    too_easy            int     not null,
    primary key (member_id, week_start)
);

-- Care-team alerts: open -> acknowledged -> resolved; never two unresolved of one kind per member.
create table alert (
    id                  uuid primary key,
    member_id           text        not null,
    kind                text        not null,
    severity            text        not null,
    severity_rank       smallint    not null,
    status              text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    reason              text        not null,
    source_id           text        not null,
    raised_at           timestamptz not null,
    acknowledged_by     text,
    acknowledged_at     timestamptz,
    acknowledge_note    text,
    resolved_by         text,
    resolved_at         timestamptz,
    resolve_note        text
);
create unique index alert_one_unresolved_per_kind on alert (member_id, kind) where status <> 'RESOLVED';
-- What raised it (a session, an intake, a week, a day): the same cause never raises twice.
create unique index alert_once_per_cause on alert (member_id, kind, source_id);
create index alert_member on alert (member_id, raised_at desc);
