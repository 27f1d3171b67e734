package dev.slipway.provision;

/** What users and groups share. */
final class Accounts {
  private Accounts() {}

  static String requireName(String name) {
    if (!name.matches("[a-z_][a-z0-9_-]*[$]?") || name.length() > 32) {
      throw new IllegalArgumentException("not a valid user or group name: " + name);
    }
    return name;
  }
}
