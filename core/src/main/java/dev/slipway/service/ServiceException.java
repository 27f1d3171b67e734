package dev.slipway.service;

import dev.slipway.SlipwayException;

/**
 * A service could not be started, stopped or signalled on a host: it was already running, it died
 * during its start timeout (the message ends with the tail of its log), or it was not running.
 */
public class ServiceException extends SlipwayException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String service;

  public ServiceException(String host, String service, String message) {
    super(message);
    this.host = host;
    this.service = service;
  }

  /** The host's name. */
  public String host() {
    return host;
  }

  /** The service's name. */
  public String service() {
    return service;
  }
}
