/** The command-line plumbing every entry point shares: picocli parsing and exit statuses. */
package org.gfn.model.cli;
