/**
 * File output that never leaves a half-written file behind: {@link dev.candela.core.io.AtomicFiles}
 * writes to a temporary file next to the target and moves it into place only once everything was
 * written and flushed to disk. Every module that writes results goes through it.
 * {@link dev.candela.core.io.ByteSizes} formats byte counts for every report and page.
 */
package dev.candela.core.io;
