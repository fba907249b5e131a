--liquibase formatted sql

--changeset personalization:010-chapters
-- The chapters of the Physical AI textbook. Tags use a small controlled vocabulary (lower-case slugs) so that the
-- recommender can match them against the reader's normalized background:
--   focus_areas: foundations, electronics, embedded, ros2, simulation, perception, kinematics, control, navigation,
--                manipulation, machine-learning, reinforcement-learning, vla, humanoids, edge-ai, safety
--   platforms:   arduino, esp32, raspberry-pi, jetson, pc
--   languages:   python, cpp
-- prerequisites hold chapter slugs (checked by a test, since an array cannot carry foreign keys).
CREATE TABLE personalization.chapters (
    slug              varchar(64)  PRIMARY KEY,
    position          integer      NOT NULL,
    part              varchar(64)  NOT NULL,
    title             varchar(200) NOT NULL,
    summary           text         NOT NULL,
    difficulty        varchar(16)  NOT NULL,
    focus_areas       text[]       NOT NULL DEFAULT '{}',
    platforms         text[]       NOT NULL DEFAULT '{}',
    frameworks        text[]       NOT NULL DEFAULT '{}',
    languages         text[]       NOT NULL DEFAULT '{}',
    prerequisites     text[]       NOT NULL DEFAULT '{}',
    estimated_minutes integer      NOT NULL,
    CONSTRAINT chapters_position_key UNIQUE (position),
    CONSTRAINT chapters_difficulty_check CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'expert')),
    CONSTRAINT chapters_minutes_check CHECK (estimated_minutes > 0),
    CONSTRAINT chapters_focus_areas_check CHECK (cardinality(focus_areas) >= 1)
);
--rollback DROP TABLE personalization.chapters;

--changeset personalization:010-projects
-- Hands-on projects; prerequisites hold chapter slugs.
CREATE TABLE personalization.projects (
    slug            varchar(64)  PRIMARY KEY,
    position        integer      NOT NULL,
    title           varchar(200) NOT NULL,
    summary         text         NOT NULL,
    difficulty      varchar(16)  NOT NULL,
    focus_areas     text[]       NOT NULL DEFAULT '{}',
    platforms       text[]       NOT NULL DEFAULT '{}',
    frameworks      text[]       NOT NULL DEFAULT '{}',
    languages       text[]       NOT NULL DEFAULT '{}',
    prerequisites   text[]       NOT NULL DEFAULT '{}',
    estimated_hours integer      NOT NULL,
    CONSTRAINT projects_position_key UNIQUE (position),
    CONSTRAINT projects_difficulty_check CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'expert')),
    CONSTRAINT projects_hours_check CHECK (estimated_hours > 0),
    CONSTRAINT projects_focus_areas_check CHECK (cardinality(focus_areas) >= 1)
);
--rollback DROP TABLE personalization.projects;
