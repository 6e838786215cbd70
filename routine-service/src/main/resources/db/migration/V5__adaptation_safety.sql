-- Clinical safety of adaptation: the gradual return after a flare, the reviews adaptation asks for, and
-- when a surgical clearance was withdrawn.

-- The plan from before a flare, one step easier, for the first week after it (it comes back in full after).
alter table plan add column after_flare boolean not null default false;

-- The reviews (MemberNeedsReview codes) an assessment asked a clinician for: each is asked once per
-- occurrence (CANNOT_REGRESS once per plan version, CLEARANCE_OVERDUE once per wait for clearance).
alter table assessment_received add column reviews text[] not null default '{}';

-- When a clinician last withdrew a member's clearance for progression after spine surgery (a new wait begins).
alter table adaptation_setting add column clearance_withdrawn_at timestamptz;
