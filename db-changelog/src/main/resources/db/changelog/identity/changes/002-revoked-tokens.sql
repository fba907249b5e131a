--liquibase formatted sql

--changeset identity:002-revoked-tokens
-- Denylist of access tokens (by jti) revoked before they expire. PostgreSQL is the source of truth; Redis holds a
-- copy with TTL = remaining lifetime. resource-api reads this table (and only this one) when Redis is unavailable.
CREATE TABLE identity.revoked_tokens (
    id         uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    token_id   varchar(255) NOT NULL,
    user_id    uuid         REFERENCES identity.users (id) ON DELETE SET NULL,
    revoked_at timestamptz  NOT NULL DEFAULT now(),
    expires_at timestamptz  NOT NULL,
    reason     varchar(64)  NOT NULL,
    CONSTRAINT revoked_tokens_token_id_key UNIQUE (token_id)
);
CREATE INDEX revoked_tokens_expires_at_idx ON identity.revoked_tokens (expires_at);
CREATE INDEX revoked_tokens_user_id_idx ON identity.revoked_tokens (user_id);
--rollback DROP TABLE identity.revoked_tokens;
