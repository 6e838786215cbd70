-- The panel and a member's profile read each member's newest session (its pain before and its time): with the
-- pain in the index, that read is one index probe and no visit to the table (an index-only scan once vacuum has
-- marked the pages visible). It replaces the index on the same key, so ingestion keeps two indexes per session.
-- Building it runs once, at the first start of this version: about 5 s for 5,000,000 sessions on 2 cores, during which
-- new sessions wait (the member events stay in Kafka until it is done) and reads go on.
create index session_fact_member_latest on session_fact (member_id, performed_at desc) include (pain_before);
drop index session_fact_member_time;

-- The panel's open alerts of each member: most members have none, and the few open ones are read from the
-- index alone, without visiting the resolved history.
create index alert_open_member on alert (member_id) include (kind, severity, severity_rank) where status <> 'RESOLVED';
