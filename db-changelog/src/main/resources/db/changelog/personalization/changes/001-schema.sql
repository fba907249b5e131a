--liquibase formatted sql

--changeset personalization:001-schema
CREATE SCHEMA IF NOT EXISTS personalization;
--rollback DROP SCHEMA IF EXISTS personalization CASCADE;

--changeset personalization:001-user-preferences
-- One row per user, upserted from the personalization context. No foreign key to identity.users: resource-api
-- owns its schema and reads none of the auth-server's tables (the user id comes from the token's subject).
CREATE TABLE personalization.user_preferences (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid        NOT NULL,
    difficulty_setting  varchar(16) NOT NULL,
    focus_areas         jsonb       NOT NULL DEFAULT '[]',
    preferred_platforms jsonb       NOT NULL DEFAULT '[]',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_preferences_user_id_key UNIQUE (user_id),
    CONSTRAINT user_preferences_difficulty_check
        CHECK (difficulty_setting IN ('beginner', 'intermediate', 'advanced', 'expert')),
    CONSTRAINT user_preferences_focus_areas_array CHECK (jsonb_typeof(focus_areas) = 'array'),
    CONSTRAINT user_preferences_platforms_array CHECK (jsonb_typeof(preferred_platforms) = 'array')
);
--rollback DROP TABLE personalization.user_preferences;
