/**
 * Candela's configuration: {@link dev.candela.core.config.CandelaConfig}, an immutable tree of records
 * read from a JSON file ({@code candela.json}), with every default in one place and every mistake
 * (unknown key, out-of-range value) reported with the key's full path and line.
 *
 * <p>Depends on the JDK and Jackson only.
 */
package dev.candela.core.config;
