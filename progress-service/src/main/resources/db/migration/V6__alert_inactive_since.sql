-- An INACTIVE alert ends with a session performed on a later day than the member's last activity before it:
-- that day is a column of its own, read by the rule in code (domain Inactivity). It is also the alert's cause
-- key ("since:<date>"), which counts the same inactivity once; existing alerts take the day from that key.
alter table alert add column inactive_since date;
update alert set inactive_since = substring(source_id from 7)::date
where kind = 'INACTIVE' and source_id ~ '^since:\d{4}-\d{2}-\d{2}$';
