-- routine-service: its copy of the catalog, members' care teams, intakes, plan versions, sessions.

-- The service's own copy of the catalog, kept from the catalog.exercises topic.
create table catalog_exercise (
    slug            text primary key,
    version         int         not null,
    status          text        not null check (status in ('PUBLISHED', 'RETIRED')),
    snapshot        jsonb       not null,
    updated_at      timestamptz not null
);

-- Which clinician looks after a member.
create table care_assignment (
    member_id       text primary key,
    clinician_id    text        not null,
    assigned_by     text        not null,
    assigned_at     timestamptz not null
);
create index care_assignment_clinician on care_assignment (clinician_id);

-- Every intake a member took, with its outcome.
create table intake (
    id              uuid primary key,
    member_id       text        not null,
    submitted_at    timestamptz not null,
    answers         jsonb       not null,
    outcome         text        not null check (outcome in ('REFERRED', 'PLAN_CREATED')),
    red_flags       text[]      not null
);
create index intake_member on intake (member_id, submitted_at desc);

-- Every version of every member's plan; the highest version is in force.
create table plan (
    member_id           text        not null,
    version             int         not null,
    created_at          timestamptz not null,
    start_date          date        not null,
    source              text        not null check (source in ('INTAKE', 'CLINICIAN', 'ADAPTATION')),
    author              text        not null,
    note                text,
    override_reason     text,
    intake_id           uuid        not null references intake (id),
    sessions_per_week   int         not null,
    minutes_per_session int         not null,
    baseline_pain       int         not null,
    conditions          text[]      not null,
    proposal            jsonb       not null,
    primary key (member_id, version)
);

-- Logged sessions; the client's session id is the idempotency key.
create table session_log (
    member_id       text        not null,
    session_id      uuid        not null,
    plan_version    int         not null,
    session_number  int         not null,
    performed_at    timestamptz not null,
    received_at     timestamptz not null,
    request_hash    text        not null,
    report          jsonb       not null,
    primary key (member_id, session_id),
    foreign key (member_id, plan_version) references plan (member_id, version)
);
create index session_log_member_time on session_log (member_id, performed_at desc);
