-- Red-flag screening asked again (issue 20): every 4 weeks and at the start of every flare, with the
-- same handling as at intake. The client's screening id is the idempotency key; the answers given yes
-- are kept (every other question was answered no: each needs an explicit answer).
create table screening (
    member_id       text        not null,
    screening_id    uuid        not null,
    taken_at        timestamptz not null,
    answered_yes    text[]      not null,
    request_hash    text        not null,
    plan_suspended  boolean     not null,
    primary key (member_id, screening_id)
);
create index screening_member_time on screening (member_id, taken_at desc);
