/**
 * Release sources that need no git: a local directory, a local archive, a URL checked by SHA-256.
 * Each is packed once on the controller into a checked {@code tar.gz} and unpacked on every host
 * with one {@code tar} command.
 */
package dev.slipway.release.source;
