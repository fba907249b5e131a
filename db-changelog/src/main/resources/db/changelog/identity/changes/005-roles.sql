--liquibase formatted sql

--changeset identity:005-roles splitStatements:false rollbackSplitStatements:false
-- Roles are cluster-wide: another database of the same server (a test database, a second environment) may have
-- created them already, so create them only when missing. Both are NOLOGIN: nobody signs in as them.
--   identity_app              user-facing paths of auth-server, subject to row-level security
--   textbook_denylist_reader  may read identity.revoked_tokens and nothing else (for resource-api's own login)
-- The login user must be able to switch to them (SET LOCAL ROLE) inside a transaction, so it is granted membership
-- unless it can already. This works where the login user is not a superuser but has CREATEROLE, as on Neon: since
-- PostgreSQL 16 the creator of a role gets only ADMIN OPTION on it, not the right to SET ROLE, hence the check on 'SET'.
DO $$
DECLARE
    role_name text;
    can_switch boolean;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['identity_app', 'textbook_denylist_reader'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
        IF current_setting('server_version_num')::int >= 160000 THEN
            can_switch := pg_has_role(current_user, role_name, 'SET');
        ELSE
            can_switch := pg_has_role(current_user, role_name, 'MEMBER');
        END IF;
        IF NOT can_switch THEN
            EXECUTE format('GRANT %I TO %I', role_name, current_user);
        END IF;
    END LOOP;
END
$$;
--rollback DO $$
--rollback DECLARE
--rollback     role_name text;
--rollback BEGIN
--rollback     FOREACH role_name IN ARRAY ARRAY['identity_app', 'textbook_denylist_reader'] LOOP
--rollback         BEGIN
--rollback             EXECUTE format('DROP ROLE IF EXISTS %I', role_name);
--rollback         EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
--rollback             -- Another database of the server still uses the role (or it is not ours to drop): it stays.
--rollback             RAISE NOTICE 'role % kept: %', role_name, SQLERRM;
--rollback         END;
--rollback     END LOOP;
--rollback END
--rollback $$;
