/** Saving and restoring streaming indicator states as JSON. */
package dev.candela.core.state;
