-- Members erased here (issue 25), by pseudonym only (service-common Pseudonyms): the event intake passes over any later
-- event keyed by one of them, so that replaying a topic rebuilds nothing about them.
create table erased_member (
    pseudonym   text        primary key,
    erased_at   timestamptz not null
);
