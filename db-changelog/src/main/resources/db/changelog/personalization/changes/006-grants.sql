--liquibase formatted sql

--changeset personalization:006-personalization-app-grants
GRANT USAGE ON SCHEMA personalization TO personalization_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON personalization.user_preferences TO personalization_app;
--rollback REVOKE ALL ON personalization.user_preferences FROM personalization_app;
--rollback REVOKE ALL ON SCHEMA personalization FROM personalization_app;
