-- Validated questionnaires (PEG, STarT Back) from routine-service's QuestionnaireCompleted, and the exercises of
-- each plan version (PlanAssigned), which the FHIR API serves as QuestionnaireResponse, Observation and CarePlan.

-- Every response once (the response id, the FHIR QuestionnaireResponse's id, deduplicates redeliveries).
-- link_ids[i] was answered answer_values[i]; score is PEG's mean (LOINC 91147-9) or STarT Back's total 0-9.
create table questionnaire_response (
    member_id       text        not null,
    response_id     uuid        not null,
    questionnaire   text        not null,
    canonical       text        not null,
    timepoint       text        not null,
    authored_at     timestamptz not null,
    link_ids        text[]      not null,
    answer_values   int[]       not null,
    score           numeric(5,2) not null,
    subscale        smallint,
    risk_group      text check (risk_group in ('LOW', 'MEDIUM', 'HIGH')),
    received_at     timestamptz not null,
    primary key (member_id, response_id)
);
-- The trend (PEG) and the risk group (STarT Back's newest) per member, by when answered.
create index questionnaire_response_member on questionnaire_response (member_id, questionnaire, authored_at);

-- The sessions of each plan version with their exercises and doses, as PlanAssigned carried them (jsonb: read
-- whole, never queried inside), and the minutes a session takes.
create table plan_detail (
    member_id           text    not null,
    plan_version        int     not null,
    start_date          date    not null,
    minutes_per_session int     not null,
    sessions            jsonb   not null,
    primary key (member_id, plan_version)
);
