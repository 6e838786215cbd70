-- Validated questionnaires: a member's answers to a shipped FHIR Questionnaire (PEG, STarT Back), checked
-- and scored. The client's QuestionnaireResponse id is the idempotency key (unique across members: another member's
-- id is a conflict); one answer per questionnaire and timepoint.
create table questionnaire_response (
    response_id    uuid             primary key,
    member_id      text             not null,
    questionnaire  text             not null,
    canonical      text             not null,
    timepoint      text             not null,
    authored_at    timestamptz      not null,
    received_at    timestamptz      not null,
    -- [{"linkId": "...", "value": n}]: each item's score as published in QuestionnaireCompleted
    answers        jsonb            not null,
    score          double precision not null,
    subscale       integer,
    risk_group     text,
    request_hash   text             not null,
    unique (member_id, questionnaire, timepoint)
);
create index questionnaire_response_member on questionnaire_response (member_id, authored_at desc);
