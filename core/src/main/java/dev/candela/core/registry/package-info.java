/**
 * Finds plugins with {@link java.util.ServiceLoader} and resolves spec strings to indicators.
 */
package dev.candela.core.registry;
