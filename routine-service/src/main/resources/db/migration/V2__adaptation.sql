-- Plans that adapt: assessments received from progress-service, the changes every version made
-- and why, and whether a member's plan adapts automatically.

-- The assessment a version was adapted from (at most one version per assessment), and whether it is the flare plan.
alter table plan add column assessment_id uuid unique;
alter table plan add column flare boolean not null default false;

-- What each version changed, automatic or a clinician's, with the reason shown to the member.
create table plan_change (
    id              uuid primary key,
    member_id       text        not null,
    plan_version    int         not null,
    source          text        not null check (source in ('ADAPTATION', 'CLINICIAN')),
    kind            text        not null,
    slug            text,
    from_item       jsonb,
    to_item         jsonb,
    reason          text        not null,
    created_at      timestamptz not null,
    undone_in       int,
    foreign key (member_id, plan_version) references plan (member_id, version)
);
create index plan_change_member on plan_change (member_id, plan_version desc);

-- Every assessment received, once (its id deduplicates replays), and what it led to.
create table assessment_received (
    id              uuid primary key,
    member_id       text        not null,
    plan_version    int         not null,
    week_start      date        not null,
    trigger         text        not null,
    received_at     timestamptz not null,
    payload         jsonb       not null,
    rule_id         text,
    decision        text        not null,
    summary         text        not null,
    result_version  int
);
create index assessment_received_member on assessment_received (member_id, received_at desc);

-- Whether a member's plan adapts automatically (on unless a clinician or a red flag stopped it).
create table adaptation_setting (
    member_id       text primary key,
    enabled         boolean     not null,
    reason          text        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null
);
