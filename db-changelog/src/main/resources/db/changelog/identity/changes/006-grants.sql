--liquibase formatted sql

--changeset identity:006-identity-app-grants
-- What the user-facing paths of auth-server may touch while running as identity_app. Row-level security (007)
-- narrows the rows; these grants narrow the tables and columns. The password hash is never readable as identity_app.
GRANT USAGE ON SCHEMA identity TO identity_app;
GRANT SELECT (id, email, name, roles, created_at, updated_at) ON identity.users TO identity_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.profiles TO identity_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.software_backgrounds TO identity_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.hardware_backgrounds TO identity_app;
-- Profile changes are audited in the same transaction; the log is append-only for the app role.
GRANT INSERT ON identity.audit_logs TO identity_app;
--rollback REVOKE ALL ON identity.audit_logs FROM identity_app;
--rollback REVOKE ALL ON identity.hardware_backgrounds FROM identity_app;
--rollback REVOKE ALL ON identity.software_backgrounds FROM identity_app;
--rollback REVOKE ALL ON identity.profiles FROM identity_app;
--rollback REVOKE ALL ON identity.users FROM identity_app;
--rollback REVOKE ALL (id, email, name, roles, created_at, updated_at) ON identity.users FROM identity_app;
--rollback REVOKE ALL ON SCHEMA identity FROM identity_app;

--changeset identity:006-denylist-reader-grants
-- resource-api reads the denylist of revoked access tokens when Redis is unavailable, and nothing else of identity.
GRANT USAGE ON SCHEMA identity TO textbook_denylist_reader;
GRANT SELECT ON identity.revoked_tokens TO textbook_denylist_reader;
--rollback REVOKE ALL ON identity.revoked_tokens FROM textbook_denylist_reader;
--rollback REVOKE ALL ON SCHEMA identity FROM textbook_denylist_reader;
