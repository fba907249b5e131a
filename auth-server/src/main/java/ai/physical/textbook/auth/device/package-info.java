/**
 * The device verification page of the device authorization grant (RFC 8628).
 */
package ai.physical.textbook.auth.device;
