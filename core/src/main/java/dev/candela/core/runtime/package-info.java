/**
 * Decisions taken once at start-up from hardware and configuration: which backend runs
 * ({@link dev.candela.core.runtime.BackendSelector}) and how many threads native math libraries get
 * ({@link dev.candela.core.runtime.NativeThreads}).
 *
 * <p>Builds on {@code dev.candela.core.hardware} and {@code dev.candela.core.config}; never loads a
 * backend itself.
 */
package dev.candela.core.runtime;
