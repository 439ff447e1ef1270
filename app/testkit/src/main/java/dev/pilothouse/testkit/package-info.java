/** Test support shared by every module: waiting for conditions, the emulated cluster, architecture rules, plugin contract. */
package dev.pilothouse.testkit;
