package dev.slipway.provision;

import dev.slipway.SlipwayException;

/** A resource that cannot be converged as described, e.g. a file where a directory should be. */
public class ProvisionException extends SlipwayException {
  public ProvisionException(String message) {
    super(message);
  }
}
