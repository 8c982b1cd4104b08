/**
 * An example third-party indicator plugin: the Schaff Trend Cycle ({@code stc}), written against
 * Candela's SPI ({@code dev.candela.spi}) alone and found through {@link java.util.ServiceLoader} via
 * {@link org.example.schaff.SchaffPlugin}.
 */
package org.example.schaff;
