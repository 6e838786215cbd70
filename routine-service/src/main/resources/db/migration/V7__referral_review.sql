-- Clinical safety, round three (issue 20). Numbered 7 to stay clear of the migrations other branches
-- add in parallel.
--
-- A referral at the first intake holds the member like a suspended plan does, though there is no plan
-- yet: no plan version. A later intake is refused until a clinician has reviewed it.
alter table plan_suspension alter column plan_version drop not null;

-- A clinician's structured review of a suspension or referral: which red flags were assessed, the
-- outcome, who and when. Only a review ends a suspension (tailoring no longer does); a review whose
-- outcome is REFERRED_ON is recorded and keeps the plan suspended (the member is under other care).
create table suspension_review (
    id                  uuid primary key,
    suspension_id       uuid        not null references plan_suspension (id),
    member_id           text        not null,
    red_flags_assessed  text[]      not null,
    outcome             text        not null check (outcome in ('EXCLUDED_SAFE_TO_CONTINUE', 'REFERRED_ON', 'OTHER')),
    outcome_text        text,
    note                text        not null,
    reviewed_by         text        not null,
    reviewed_at         timestamptz not null,
    ended_suspension    boolean     not null,
    check (outcome <> 'OTHER' or outcome_text is not null)
);
create index suspension_review_member on suspension_review (member_id, reviewed_at desc);
alter table plan_suspension add column review_id uuid references suspension_review (id);

-- No suspension ends without a review from now on (rows ended before reviews were recorded are left as
-- they are: NOT VALID checks only new and changed rows).
alter table plan_suspension add constraint plan_suspension_ended_by_review
    check (resumed_at is null or review_id is not null) not valid;
