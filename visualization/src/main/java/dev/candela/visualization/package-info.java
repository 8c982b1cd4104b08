/**
 * Candela's charts and dashboards. Subpackages: {@code density} (point-density reduction),
 * {@code chart} (PNG and SVG charts), {@code run} (training runs and optimizer reports as dashboards
 * read them) and {@code dashboard} (static and live HTML dashboards).
 */
package dev.candela.visualization;
