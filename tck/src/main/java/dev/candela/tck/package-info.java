/**
 * Compliance kits for implementers of Candela's SPIs: abstract JUnit 5 classes that every
 * implementation, first-party or plugin, extends in its own tests.
 */
package dev.candela.tck;
