-- The hot queries of the measured scenarios, with real values (psql variables :user_id and :email: a seeded user).
-- bench/run.sh runs this file after the load scenarios and writes the plans to docs/benchmarks/raw/explain.txt.

-- Sign-in: the user by email (unique index users_email_key).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, email, name, password_hash, roles FROM identity.users WHERE email = :'email';

-- Token claims and profile GET on a cache miss: the complete profile of one user.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT u.id, u.email, u.name, p.profile_complete, s.programming_languages, s.frameworks, s.experience_level,
       s.specializations, s.years_of_experience, h.familiar_platforms, h.robotics_experience,
       h.electronics_knowledge, h.preferred_tools
FROM identity.users u
LEFT JOIN identity.profiles p ON p.user_id = u.id
LEFT JOIN identity.software_backgrounds s ON s.user_id = u.id
LEFT JOIN identity.hardware_backgrounds h ON h.user_id = u.id
WHERE u.id = :'user_id'::uuid;

-- Denylist fallback when Redis is down: one jti.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT 1 FROM identity.revoked_tokens WHERE token_id = 'no-such-jti' AND expires_at > now();
