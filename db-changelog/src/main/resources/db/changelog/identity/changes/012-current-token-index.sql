--liquibase formatted sql

--changeset identity:012-oauth2-authorization-token-current-index
-- Every token lookup loads the family's current tokens (superseded_at IS NULL), and every save retires the tokens
-- that left it. Rotation keeps each replaced refresh, access and ID token as a superseded row until it expires (reuse
-- detection, denylisting), so a family refreshed every 15 minutes for its 7 days carries up to ~2,000 superseded
-- rows. Through the plain authorization_id index those statements read every row of the family: measured in the
-- refresh benchmark, 320-340 buffers per lookup, per retire UPDATE and per retire DELETE (0.4-0.9 ms each, growing
-- with every refresh). This partial index holds only the current rows, so their cost no longer depends on the
-- family's history. The full index stays for cascades, revocation of a whole family and denylisting.
CREATE INDEX oauth2_authorization_token_current_idx ON identity.oauth2_authorization_token (authorization_id)
    WHERE superseded_at IS NULL;
--rollback DROP INDEX identity.oauth2_authorization_token_current_idx;
