/**
 * The Candela runtime entry point, {@link dev.candela.core.Candela}: hardware detection, backend choice
 * and Guice wiring. Subpackages hold the domain ({@code data}, {@code csv}, {@code market}), the
 * configuration, the hardware probe, the plugin registry and the compute path.
 */
package dev.candela.core;
