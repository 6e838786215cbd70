-- The panel and a member's profile read each member's newest session (its pain before and its time): with the
-- pain in the index, that read is one index probe and no visit to the table (an index-only scan once vacuum has
-- marked the pages visible). It replaces the index on the same key, so ingestion keeps two indexes per session.
create index session_fact_member_latest on session_fact (member_id, performed_at desc) include (pain_before);
drop index session_fact_member_time;

-- The panel's open alerts of each member: most members have none, and the few open ones are read from the
-- index alone, without visiting the resolved history.
create index alert_open_member on alert (member_id) include (kind, severity, severity_rank) where status <> 'RESOLVED';
