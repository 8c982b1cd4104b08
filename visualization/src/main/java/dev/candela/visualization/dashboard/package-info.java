/**
 * Training dashboards: {@link dev.candela.visualization.dashboard.Dashboard}, one self-contained HTML file
 * per run, and {@link dev.candela.visualization.dashboard.LiveDashboard}, a training listener that serves
 * the same page on localhost and pushes updates to it as the run trains.
 */
package dev.candela.visualization.dashboard;
