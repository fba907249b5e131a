--liquibase formatted sql

--changeset identity:010-oauth2-authorization
-- One row per authorization ("token family"): everything issued to one client for one grant. The tokens themselves
-- live in oauth2_authorization_token, stored only as SHA-256 hashes. expires_at is the latest expiry of any token of
-- the family, so the cleanup job can delete whole families with one range scan.
CREATE TABLE identity.oauth2_authorization (
    id                       varchar(100)  PRIMARY KEY,
    registered_client_id     varchar(100)  NOT NULL,
    principal_name           varchar(200)  NOT NULL,
    authorization_grant_type varchar(100)  NOT NULL,
    authorized_scopes        text          NOT NULL DEFAULT '',
    attributes               text          NOT NULL DEFAULT '{}',
    created_at               timestamptz   NOT NULL DEFAULT now(),
    expires_at               timestamptz   NOT NULL
);
-- Sign out everywhere and RP-initiated logout revoke every family of a user: equality lookup by principal.
CREATE INDEX oauth2_authorization_principal_idx ON identity.oauth2_authorization (principal_name, registered_client_id);
-- The cleanup job deletes expired families: range scan on expiry.
CREATE INDEX oauth2_authorization_expires_at_idx ON identity.oauth2_authorization (expires_at);
--rollback DROP TABLE identity.oauth2_authorization;

--changeset identity:010-oauth2-authorization-token
-- Every token, code and state of an authorization, by the SHA-256 of its value (base64url, 43 characters). The raw
-- value is never stored: a dump of this table cannot be replayed at the token endpoint. Refresh and access tokens that
-- were replaced by rotation stay as superseded rows until they expire, so that presenting an old refresh token is
-- detected as reuse and the live access tokens of a family can be denylisted.
CREATE TABLE identity.oauth2_authorization_token (
    token_hash       varchar(64)   PRIMARY KEY,
    authorization_id varchar(100)  NOT NULL REFERENCES identity.oauth2_authorization (id) ON DELETE CASCADE,
    token_type       varchar(32)   NOT NULL,
    issued_at        timestamptz,
    expires_at       timestamptz,
    invalidated      boolean       NOT NULL DEFAULT false,
    superseded_at    timestamptz,
    jti              varchar(100),
    claims           text,
    metadata         text          NOT NULL DEFAULT '{}',
    CONSTRAINT oauth2_authorization_token_type_check CHECK (token_type IN ('state', 'authorization_code',
        'access_token', 'refresh_token', 'id_token', 'device_code', 'user_code'))
);
-- Loading a family (all tokens of one authorization) and cascading deletes: equality lookup by authorization.
-- Token lookups themselves use the primary key (token_hash): one indexed equality lookup, whatever the token type.
CREATE INDEX oauth2_authorization_token_authorization_idx ON identity.oauth2_authorization_token (authorization_id);
--rollback DROP TABLE identity.oauth2_authorization_token;

--changeset identity:010-oauth2-authorization-consent
-- What a user allowed a client to do. Consents expire (expires_at) so that a forgotten client has to ask again; the
-- cleanup job deletes expired rows.
CREATE TABLE identity.oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name       varchar(200) NOT NULL,
    authorities          text         NOT NULL,
    granted_at           timestamptz  NOT NULL DEFAULT now(),
    expires_at           timestamptz  NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);
-- The cleanup job deletes expired consents: range scan on expiry.
CREATE INDEX oauth2_authorization_consent_expires_at_idx ON identity.oauth2_authorization_consent (expires_at);
--rollback DROP TABLE identity.oauth2_authorization_consent;

--changeset identity:010-signing-keys
-- JWT signing keys, shared by every instance. The private key (PKCS#8) is encrypted with AES-256-GCM under the
-- key-encryption key from the environment (never stored); kek_id identifies which key-encryption key was used, so a
-- wrong one is reported clearly instead of failing on decryption. A key is published from created_at, signs from
-- activates_at until the next key activates, and stays published until publish_until.
CREATE TABLE identity.signing_keys (
    kid            varchar(64)  PRIMARY KEY,
    algorithm      varchar(16)  NOT NULL,
    public_jwk     text         NOT NULL,
    private_key    text         NOT NULL,
    kek_id         varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    activates_at   timestamptz  NOT NULL,
    retires_at     timestamptz  NOT NULL,
    publish_until  timestamptz  NOT NULL,
    CONSTRAINT signing_keys_algorithm_check CHECK (algorithm IN ('RS256', 'ES256')),
    CONSTRAINT signing_keys_order_check CHECK (activates_at < retires_at AND retires_at <= publish_until)
);
-- Every instance reloads the published keys every few seconds: range scan on publish_until.
CREATE INDEX signing_keys_publish_until_idx ON identity.signing_keys (publish_until);
--rollback DROP TABLE identity.signing_keys;
