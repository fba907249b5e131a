--liquibase formatted sql

--changeset identity:001-schema
CREATE SCHEMA IF NOT EXISTS identity;
--rollback DROP SCHEMA IF EXISTS identity CASCADE;

--changeset identity:001-users
CREATE TABLE identity.users (
    id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    email         varchar(255) NOT NULL,
    name          varchar(255),
    password_hash varchar(255) NOT NULL,
    roles         text[]       NOT NULL DEFAULT ARRAY['user']::text[],
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    -- Emails are stored normalized, so the unique constraint is case-insensitive in effect.
    CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email)) AND position('@' IN email) > 1),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['user', 'admin']::text[] AND cardinality(roles) >= 1)
);
--rollback DROP TABLE identity.users;

--changeset identity:001-profiles
CREATE TABLE identity.profiles (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id          uuid        NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    profile_complete boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT profiles_user_id_key UNIQUE (user_id)
);
--rollback DROP TABLE identity.profiles;

--changeset identity:001-software-backgrounds
CREATE TABLE identity.software_backgrounds (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id            uuid        NOT NULL REFERENCES identity.profiles (id) ON DELETE CASCADE,
    user_id               uuid        NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    programming_languages text[]      NOT NULL DEFAULT '{}',
    frameworks            text[]      NOT NULL DEFAULT '{}',
    experience_level      varchar(16),
    specializations       text[]      NOT NULL DEFAULT '{}',
    years_of_experience   integer,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT software_backgrounds_profile_id_key UNIQUE (profile_id),
    CONSTRAINT software_backgrounds_experience_level_check
        CHECK (experience_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    CONSTRAINT software_backgrounds_languages_max CHECK (cardinality(programming_languages) <= 20),
    CONSTRAINT software_backgrounds_frameworks_max CHECK (cardinality(frameworks) <= 20),
    CONSTRAINT software_backgrounds_specializations_max CHECK (cardinality(specializations) <= 10),
    CONSTRAINT software_backgrounds_years_range CHECK (years_of_experience BETWEEN 0 AND 50)
);
--rollback DROP TABLE identity.software_backgrounds;

--changeset identity:001-hardware-backgrounds
CREATE TABLE identity.hardware_backgrounds (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    profile_id            uuid        NOT NULL REFERENCES identity.profiles (id) ON DELETE CASCADE,
    user_id               uuid        NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
    familiar_platforms    text[]      NOT NULL DEFAULT '{}',
    robotics_experience   varchar(16),
    electronics_knowledge varchar(16),
    preferred_tools       text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hardware_backgrounds_profile_id_key UNIQUE (profile_id),
    CONSTRAINT hardware_backgrounds_robotics_experience_check
        CHECK (robotics_experience IN ('none', 'hobbyist', 'professional')),
    CONSTRAINT hardware_backgrounds_electronics_knowledge_check
        CHECK (electronics_knowledge IN ('none', 'basic', 'intermediate', 'advanced')),
    CONSTRAINT hardware_backgrounds_platforms_max CHECK (cardinality(familiar_platforms) <= 10),
    CONSTRAINT hardware_backgrounds_tools_max CHECK (cardinality(preferred_tools) <= 10)
);
--rollback DROP TABLE identity.hardware_backgrounds;
