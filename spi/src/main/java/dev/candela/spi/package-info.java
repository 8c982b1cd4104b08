/**
 * Candela's service provider interface: what a plugin author compiles against, and nothing else.
 *
 * <p>This package depends on the JDK only (an architecture test enforces it). A plugin implements
 * {@link dev.candela.spi.CandelaPlugin} and lists it in
 * {@code META-INF/services/dev.candela.spi.CandelaPlugin}; the plugin hands out
 * {@link dev.candela.spi.Indicator indicators}, {@link dev.candela.spi.Trainer trainers} and
 * {@link dev.candela.spi.Optimizer optimizers}.
 */
package dev.candela.spi;
