/**
 * Personalization (seed phase 4): expertise mapping, learning path, content preferences, UI adaptations and
 * recommendations built from the token's profile claims over the content catalog; the context cache with its
 * invalidation events; the stored preferences under row-level security; and the endpoints.
 */
package ai.physical.textbook.api.personalization;
