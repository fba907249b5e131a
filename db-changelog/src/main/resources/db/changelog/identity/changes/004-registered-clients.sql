--liquibase formatted sql

--changeset identity:004-registered-clients
-- The Spring authorization server's registered-client table, adapted to PostgreSQL (text instead of blob,
-- timestamptz instead of timestamp). Client secrets are stored only as hashes.
CREATE TABLE identity.oauth2_registered_client (
    id                            varchar(100)  PRIMARY KEY,
    client_id                     varchar(100)  NOT NULL,
    client_id_issued_at           timestamptz   NOT NULL DEFAULT now(),
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL,
    CONSTRAINT oauth2_registered_client_client_id_key UNIQUE (client_id)
);
--rollback DROP TABLE identity.oauth2_registered_client;
