-- The hot queries of the measured scenarios, with real values (psql variables :user_id and :email: a seeded user).
-- bench/run.sh runs this file after the load scenarios and writes the plans to docs/benchmarks/raw/explain.txt.

-- Sign-in: the user by email (unique index users_email_key).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, email, name, password_hash, roles FROM identity.users WHERE email = :'email';

-- Token claims and profile GET on a cache miss: the complete profile of one user (ProfileRepository.FIND_COMPLETE).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT u.id, u.email, u.name, u.roles, u.created_at,
       p.id AS profile_id, coalesce(p.profile_complete, false) AS profile_complete,
       greatest(u.updated_at, p.updated_at, sb.updated_at, hb.updated_at) AS updated_at,
       sb.programming_languages, sb.frameworks, sb.experience_level, sb.specializations,
       sb.years_of_experience,
       hb.familiar_platforms, hb.robotics_experience, hb.electronics_knowledge, hb.preferred_tools
FROM identity.users u
LEFT JOIN identity.profiles p ON p.user_id = u.id
LEFT JOIN identity.software_backgrounds sb ON sb.profile_id = p.id
LEFT JOIN identity.hardware_backgrounds hb ON hb.profile_id = p.id
WHERE u.id = :'user_id'::uuid;

-- Account deletion: the cascade has to find the user's rows in every table that references identity.users. The
-- plan's trigger lines show the time each foreign key costs (rolled back: nothing is deleted).
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
DELETE FROM identity.users WHERE id = :'user_id'::uuid;
ROLLBACK;

-- Token endpoint (refresh, revocation, introspection): the family owning a token hash, with its current tokens
-- (AuthorizationRepository.findByTokenHash), for a real hash of the table. After the scale scenario the table holds
-- the filled rows, so this is the plan at that size.
SELECT count(*) AS authorizations FROM identity.oauth2_authorization;
SELECT token_hash AS some_hash FROM identity.oauth2_authorization_token ORDER BY issued_at DESC NULLS LAST LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT h.token_type AS matched_type, h.superseded_at AS matched_superseded,
       a.id, a.registered_client_id, a.principal_name, a.authorization_grant_type, a.authorized_scopes,
       a.attributes, a.expires_at AS authorization_expires_at,
       t.token_hash, t.token_type, t.issued_at, t.expires_at, t.invalidated, t.superseded_at, t.jti, t.claims,
       t.metadata
FROM identity.oauth2_authorization_token h
JOIN identity.oauth2_authorization a ON a.id = h.authorization_id
LEFT JOIN identity.oauth2_authorization_token t ON t.authorization_id = a.id AND t.superseded_at IS NULL
WHERE h.token_hash = :'some_hash';

-- Sign out everywhere: every family of a user.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM identity.oauth2_authorization WHERE principal_name = :'user_id';

-- Cleanup job: expired families.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id FROM identity.oauth2_authorization WHERE expires_at < now() - interval '1 day' LIMIT 1000;

-- resource-api, denylist fallback (RevocationDenylist): one jti.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT EXISTS (SELECT 1 FROM identity.revoked_tokens WHERE token_id = 'no-such-jti');

-- resource-api, context cache miss: the reader's stored preferences (PreferencesRepository) and the catalog
-- (JdbcContentCatalog, whole tables ordered by position).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT user_id, difficulty_setting, focus_areas::text AS focus_areas, preferred_platforms::text AS preferred_platforms,
       updated_at
FROM personalization.user_preferences WHERE user_id = :'user_id'::uuid;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT slug, position, part, title, summary, difficulty, focus_areas, platforms, frameworks, languages,
       prerequisites, estimated_minutes
FROM personalization.chapters ORDER BY position;

-- Every table's size and index use over the whole run (idx_scan = 0 on a hot table is a missing or unused index).
SELECT relname, n_live_tup, seq_scan, seq_tup_read, idx_scan
FROM pg_stat_user_tables WHERE schemaname IN ('identity', 'personalization') ORDER BY seq_tup_read DESC;
SELECT relname, indexrelname, idx_scan FROM pg_stat_user_indexes
WHERE schemaname IN ('identity', 'personalization') ORDER BY relname, indexrelname;
