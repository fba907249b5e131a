--liquibase formatted sql

--changeset identity:003-auth-logs
-- Every sign-in attempt, lockout and sign-out. No foreign key on user_id: the log outlives the account.
CREATE TABLE identity.auth_logs (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        uuid,
    email          varchar(255),
    event          varchar(32)  NOT NULL DEFAULT 'sign_in',
    ip_address     inet,
    user_agent     text,
    success        boolean      NOT NULL,
    failure_reason varchar(255),
    "timestamp"    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX auth_logs_user_id_idx ON identity.auth_logs (user_id);
CREATE INDEX auth_logs_timestamp_idx ON identity.auth_logs ("timestamp");
--rollback DROP TABLE identity.auth_logs;

--changeset identity:003-authz-logs
CREATE TABLE identity.authz_logs (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid,
    resource    varchar(255) NOT NULL,
    action      varchar(16)  NOT NULL,
    policy      varchar(64)  NOT NULL,
    authorized  boolean      NOT NULL,
    "timestamp" timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX authz_logs_user_id_idx ON identity.authz_logs (user_id);
CREATE INDEX authz_logs_timestamp_idx ON identity.authz_logs ("timestamp");
--rollback DROP TABLE identity.authz_logs;

--changeset identity:003-audit-logs
CREATE TABLE identity.audit_logs (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid,
    operation   varchar(16)  NOT NULL,
    table_name  varchar(64)  NOT NULL,
    record_id   varchar(64),
    old_values  jsonb,
    new_values  jsonb,
    "timestamp" timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_operation_check CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE'))
);
CREATE INDEX audit_logs_user_id_idx ON identity.audit_logs (user_id);
CREATE INDEX audit_logs_timestamp_idx ON identity.audit_logs ("timestamp");
--rollback DROP TABLE identity.audit_logs;
