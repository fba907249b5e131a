--liquibase formatted sql

--changeset identity:011-oauth2-authorization-consent-principal-index
-- The account page lists a user's connected apps (ConnectedApps: consents WHERE principal_name = :user). The primary
-- key (registered_client_id, principal_name) leads with the client, so it cannot serve that lookup, which would read
-- every consent of every user.
CREATE INDEX oauth2_authorization_consent_principal_idx
    ON identity.oauth2_authorization_consent (principal_name);
--rollback DROP INDEX identity.oauth2_authorization_consent_principal_idx;
