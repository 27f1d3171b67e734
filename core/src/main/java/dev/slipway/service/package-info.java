/**
 * Services and health checks for the {@code deployed} step of a release: a
 * {@link dev.slipway.service.SystemdService} (unit from a template, installed when changed,
 * {@code daemon-reload}, {@code restart} or {@code reload}; as a recipe's
 * {@link dev.slipway.service.Service}, {@code reload-or-restart} and an {@code is-active} check as
 * one command inside the switch's batch), a
 * {@link dev.slipway.service.PidfileService} for hosts without systemd (its requests rendered and
 * its answers read by package-private parts), a
 * {@link dev.slipway.python.Gunicorn} app server that switches releases without dropping requests,
 * and an {@link dev.slipway.service.HttpHealthCheck} that makes a failed deploy switch back.
 *
 * <p>Everything needs only a {@link dev.slipway.Host} and plain values, so it runs from a release
 * hook as well as from any action:
 *
 * <pre>{@code
 * Releases.at("/opt/flask-demo")
 *     .after(Step.SYMLINK, (host, release) -> flask.restart(host))
 *     .healthCheck(HttpHealthCheck.of("http://127.0.0.1:8000/version").servingReleaseVersion());
 * }</pre>
 */
package dev.slipway.service;
