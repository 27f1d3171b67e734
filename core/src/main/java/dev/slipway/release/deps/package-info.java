/** Dependency environments (venvs, {@code node_modules}) built once per hash of their lock files. */
package dev.slipway.release.deps;
