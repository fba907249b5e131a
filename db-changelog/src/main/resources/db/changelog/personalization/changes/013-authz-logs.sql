--liquibase formatted sql

--changeset personalization:013-authz-logs
-- Every authorization decision of resource-api (allowed and denied), written in batches. No foreign key on user_id:
-- resource-api does not own users, and the log outlives accounts. subject keeps the token's sub when it is not a
-- user id (client_credentials tokens carry the client id).
CREATE TABLE personalization.authz_logs (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid,
    subject     varchar(255),
    resource    varchar(255) NOT NULL,
    action      varchar(16)  NOT NULL,
    policy      varchar(64)  NOT NULL,
    authorized  boolean      NOT NULL,
    code        varchar(64),
    "timestamp" timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX authz_logs_user_id_idx ON personalization.authz_logs (user_id);
CREATE INDEX authz_logs_timestamp_idx ON personalization.authz_logs ("timestamp");
--rollback DROP TABLE personalization.authz_logs;
