/**
 * The textbook's content catalog (chapters and projects) behind the {@link ai.physical.textbook.api.catalog.ContentCatalog}
 * interface, its tag vocabulary and its read-only endpoints.
 */
package ai.physical.textbook.api.catalog;
