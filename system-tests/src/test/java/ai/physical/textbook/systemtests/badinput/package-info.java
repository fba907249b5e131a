/**
 * Bad input, sent to every form, JSON and protocol endpoint: forged tokens, malformed and oversized bodies, invalid
 * UTF-8, markup and SQL in text fields, missing CSRF tokens, open redirects, replayed codes and refresh tokens. Each
 * must get a clear 4xx, never a 5xx or a stack trace, and change nothing in the database.
 */
package ai.physical.textbook.systemtests.badinput;
