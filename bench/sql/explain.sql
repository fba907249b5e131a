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

-- Denylist fallback when Redis is down: one jti.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 1 FROM identity.revoked_tokens WHERE token_id = 'no-such-jti' AND expires_at > now();
