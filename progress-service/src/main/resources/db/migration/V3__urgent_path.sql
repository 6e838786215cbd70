-- The urgent path: the care team decided by assignment sequence, plan suspension, symptom reports,
-- and alerts that are never folded into an open one.

-- Who the member's clinician is: the CareTeamAssigned with the highest sequence (care_team_seq).
-- Until one arrives, the clinician named by the newest (by occurredAt) PlanAssigned, MemberReferred or
-- MemberNeedsReview that names one (clinician_hint_at): the history before CareTeamAssigned existed.
alter table member_profile add column care_team_seq bigint;
alter table member_profile add column clinician_hint_at timestamptz;
-- When the plan version in force was first assigned (a referral after it, and no resume since, stops it).
alter table member_profile add column plan_at timestamptz;
-- Plan status by the highest PlanSuspended / PlanResumed sequence; the latest suspension and resumption
-- (whatever their order of arrival) bound the weeks that are not assessed.
alter table member_profile add column plan_status_seq bigint;
alter table member_profile add column suspended boolean not null default false;
alter table member_profile add column suspension_cause text;
alter table member_profile add column suspension_flags text[];
alter table member_profile add column suspended_at timestamptz;
alter table member_profile add column resumed_at timestamptz;

-- Red-flag symptoms reported without a session: every report kept once (the report id deduplicates).
create table symptom_report (
    member_id       text        not null,
    report_id       uuid        not null,
    reported_at     timestamptz not null,
    red_flags       text[]      not null,
    note            text,
    received_at     timestamptz not null,
    primary key (member_id, report_id)
);

-- What the alert is about: the red-flag symptoms, or the reasons for a review.
alter table alert add column details text[] not null default '{}';
-- Whether the alert folds into an open one of its kind (false for the kinds whose every cause raises its own
-- alert, by the rules file: red flags, referrals, reviews).
alter table alert add column folds boolean not null default true;
drop index alert_one_unresolved_per_kind;
create unique index alert_one_unresolved_per_kind on alert (member_id, kind) where status <> 'RESOLVED' and folds;
-- Triage: the unresolved alerts of members without a clinician, oldest first.
create index alert_unresolved on alert (severity_rank desc, raised_at) where status <> 'RESOLVED';
