--liquibase formatted sql

--changeset personalization:007-rls-user-preferences
-- Same protocol as identity (docs/architecture.md), with role personalization_app: own rows visible and
-- changeable, an admin reads all. nullif(...) because a locally set custom setting reads as '' afterwards.
ALTER TABLE personalization.user_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_preferences_own_rows ON personalization.user_preferences FOR ALL TO personalization_app
    USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY user_preferences_admin_read ON personalization.user_preferences FOR SELECT TO personalization_app
    USING (current_setting('app.is_admin', true) = 'true');
--rollback DROP POLICY user_preferences_admin_read ON personalization.user_preferences;
--rollback DROP POLICY user_preferences_own_rows ON personalization.user_preferences;
--rollback ALTER TABLE personalization.user_preferences DISABLE ROW LEVEL SECURITY;
