/**
 * Audit trail: {@code auth_logs} (sign-ins, lockouts, sign-outs, token reuse), {@code audit_logs} (every account and
 * profile change with old and new values) and {@code authz_logs} (profile API policy decisions). Other features
 * publish the event records of this package ({@link ai.physical.textbook.auth.audit.AuthEvent},
 * {@link ai.physical.textbook.auth.audit.DataChangeEvent}, {@link ai.physical.textbook.auth.audit.AuthzEvent}) as
 * Spring application events; this package writes them off the request thread, in batches, losslessly.
 */
package ai.physical.textbook.auth.audit;
