-- An acknowledged alert is not a resolved one: a new occurrence of its kind reopens it (OPEN) rather than vanish into
-- it. The fold rule is decided in code (domain AlertFolding); these are the facts it reads and the outcomes it writes.

-- Every cause an alert counts: the one that raised it and each later occurrence folded into it. The same cause (a
-- session, a report, an intake, a week, a day, an event) is counted once, by whichever alert of its kind counted it
-- first, so a redelivery, a replay or a scheduled rule evaluated again counts nothing.
create table alert_cause (
    member_id       text        not null,
    kind            text        not null,
    source_id       text        not null,
    alert_id        uuid        not null,
    counted_at      timestamptz not null,
    primary key (member_id, kind, source_id)
);
insert into alert_cause (member_id, kind, source_id, alert_id, counted_at)
select member_id, kind, source_id, id, raised_at from alert;

-- How many causes the alert stands for, when the latest was counted, and when a new occurrence last reopened it.
alter table alert add column occurrences int not null default 1;
alter table alert add column last_occurred_at timestamptz;
update alert set last_occurred_at = raised_at;
alter table alert alter column last_occurred_at set not null;
alter table alert add column reopened_at timestamptz;
