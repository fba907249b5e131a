--liquibase formatted sql

-- Row-level security, per docs/architecture.md: a user-facing transaction runs
--   SET LOCAL ROLE identity_app;
--   SELECT set_config('app.user_id', :userId, true), set_config('app.is_admin', :trueOrFalse, true);
-- and then sees and changes only the rows of app.user_id; an admin also reads (never changes) everyone's rows.
-- The table owner (the login user) is not subject to these policies: system paths such as minting token claims run
-- as the owner. nullif(...) because a custom setting reads as '' (not NULL) once a transaction has set it locally
-- on the same connection, and ''::uuid would fail instead of matching nothing.

--changeset identity:007-rls-profiles
ALTER TABLE identity.profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY profiles_own_rows ON identity.profiles FOR ALL TO identity_app
    USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY profiles_admin_read ON identity.profiles FOR SELECT TO identity_app
    USING (current_setting('app.is_admin', true) = 'true');
--rollback DROP POLICY profiles_admin_read ON identity.profiles;
--rollback DROP POLICY profiles_own_rows ON identity.profiles;
--rollback ALTER TABLE identity.profiles DISABLE ROW LEVEL SECURITY;

--changeset identity:007-rls-software-backgrounds
ALTER TABLE identity.software_backgrounds ENABLE ROW LEVEL SECURITY;
CREATE POLICY software_backgrounds_own_rows ON identity.software_backgrounds FOR ALL TO identity_app
    USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY software_backgrounds_admin_read ON identity.software_backgrounds FOR SELECT TO identity_app
    USING (current_setting('app.is_admin', true) = 'true');
--rollback DROP POLICY software_backgrounds_admin_read ON identity.software_backgrounds;
--rollback DROP POLICY software_backgrounds_own_rows ON identity.software_backgrounds;
--rollback ALTER TABLE identity.software_backgrounds DISABLE ROW LEVEL SECURITY;

--changeset identity:007-rls-hardware-backgrounds
ALTER TABLE identity.hardware_backgrounds ENABLE ROW LEVEL SECURITY;
CREATE POLICY hardware_backgrounds_own_rows ON identity.hardware_backgrounds FOR ALL TO identity_app
    USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY hardware_backgrounds_admin_read ON identity.hardware_backgrounds FOR SELECT TO identity_app
    USING (current_setting('app.is_admin', true) = 'true');
--rollback DROP POLICY hardware_backgrounds_admin_read ON identity.hardware_backgrounds;
--rollback DROP POLICY hardware_backgrounds_own_rows ON identity.hardware_backgrounds;
--rollback ALTER TABLE identity.hardware_backgrounds DISABLE ROW LEVEL SECURITY;

--changeset identity:007-rls-users
-- Not one of the four tables the seed names, but identity_app may read users' names and emails (006), so the same
-- rule applies: one's own row, or every row for an admin. No write policy: identity_app cannot change users.
ALTER TABLE identity.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_own_row_read ON identity.users FOR SELECT TO identity_app
    USING (id = nullif(current_setting('app.user_id', true), '')::uuid
        OR current_setting('app.is_admin', true) = 'true');
--rollback DROP POLICY users_own_row_read ON identity.users;
--rollback ALTER TABLE identity.users DISABLE ROW LEVEL SECURITY;
