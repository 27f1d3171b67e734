/**
 * Configuration-file templates ({@link dev.slipway.template.Template}, Pebble's Jinja-like syntax,
 * strict and unescaped) and Slipway's template library, kept as resources in this package:
 * {@code gunicorn.service.j2}, a systemd unit for gunicorn whose {@code systemctl reload} is a
 * graceful HUP (rendered by {@link dev.slipway.python.Gunicorn#systemdUnit}).
 */
package dev.slipway.template;
