--liquibase formatted sql

--changeset identity:020-software-backgrounds-user-id-index
-- software_backgrounds.user_id references identity.users ON DELETE CASCADE. Without an index on the referencing
-- column, deleting a user makes PostgreSQL scan the whole table to find the rows to cascade to (one sequential
-- scan per deleted user, under the delete's locks; 10,000 rows read per account deletion with 10,000 readers).
-- The same column is what the row-level-security policy of the table compares with app.user_id.
CREATE INDEX software_backgrounds_user_id_idx ON identity.software_backgrounds (user_id);
--rollback DROP INDEX identity.software_backgrounds_user_id_idx;

--changeset identity:020-hardware-backgrounds-user-id-index
-- Same reason as software_backgrounds_user_id_idx: the ON DELETE CASCADE from identity.users and the RLS policy.
CREATE INDEX hardware_backgrounds_user_id_idx ON identity.hardware_backgrounds (user_id);
--rollback DROP INDEX identity.hardware_backgrounds_user_id_idx;
