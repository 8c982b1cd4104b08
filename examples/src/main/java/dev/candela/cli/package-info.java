/** The {@code candela} command line, built with picocli. */
package dev.candela.cli;
