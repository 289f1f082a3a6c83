/**
 * The {@code ./crisis} command-line tool. Entry point: {@link org.crisiskit.cli.CrisisCli}; each
 * sub-command is one class. Not published as a library: the commands and their input and output
 * formats are the contract.
 */
package org.crisiskit.cli;
