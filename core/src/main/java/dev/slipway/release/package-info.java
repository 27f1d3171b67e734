/**
 * Release-based deploys: {@code releases/<id>}, an atomically switched {@code current}, linked
 * {@code shared/} paths, a registry of versions and states, a deploy lock, rollbacks that walk back
 * through good releases, and two-phase deploys over several hosts.
 *
 * <p>Start at {@link dev.slipway.release.Releases}. Sources implement
 * {@link dev.slipway.release.Source}: the core ones are in {@code dev.slipway.release.source}, git
 * in the {@code git} module. Dependency environments are in {@code dev.slipway.release.deps}.
 */
package dev.slipway.release;
