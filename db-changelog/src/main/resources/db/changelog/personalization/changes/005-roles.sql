--liquibase formatted sql

--changeset personalization:005-roles splitStatements:false rollbackSplitStatements:false
-- personalization_app runs the user-facing paths of resource-api under row-level security. Roles are cluster-wide,
-- so it is created only when missing, and the login user is granted membership unless it can already SET ROLE to it
-- (see identity/changes/005-roles.sql for why the check is on 'SET' from PostgreSQL 16 on).
DO $$
DECLARE
    can_switch boolean;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'personalization_app') THEN
        CREATE ROLE personalization_app NOLOGIN;
    END IF;
    IF current_setting('server_version_num')::int >= 160000 THEN
        can_switch := pg_has_role(current_user, 'personalization_app', 'SET');
    ELSE
        can_switch := pg_has_role(current_user, 'personalization_app', 'MEMBER');
    END IF;
    IF NOT can_switch THEN
        EXECUTE format('GRANT personalization_app TO %I', current_user);
    END IF;
END
$$;
--rollback DO $$
--rollback BEGIN
--rollback     DROP ROLE IF EXISTS personalization_app;
--rollback EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
--rollback     RAISE NOTICE 'role personalization_app kept: %', SQLERRM;
--rollback END
--rollback $$;
